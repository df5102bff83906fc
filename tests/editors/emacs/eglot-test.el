;;; eglot-test.el --- editors/README.md's Emacs set-up, run in batch Emacs against factline -*- lexical-binding: t -*-
;;
;; Evaluates the Emacs example of editors/README.md as written (markdown-mode and eglot from
;; Debian's elpa-markdown-mode and elpa-eglot, or Emacs 29's own eglot), with the freshly built
;; factline first on PATH, then opens a draft as a person would and checks: the server starts
;; with no warning, the findings arrive as Flymake diagnostics, imenu (the outline) names each
;; claim with its status, and "Use the recorded wording" on a hard-wrapped quote keeps its line
;; breaks and quotation marks. Prints "N passed, M failed"; exits 0 only when all passed.
;;
;;   FACTLINE_SOURCE_DIR=. FACTLINE_BINARY=build/factline emacs --batch -l tests/editors/emacs/eglot-test.el

(require 'cl-lib)
(require 'package)
(package-initialize) ; Debian's elpa-* packages

(defvar factline-test-passes 0)
(defvar factline-test-failures 0)

(defun factline-test-check (ok what &optional detail)
  (if ok
      (progn (cl-incf factline-test-passes) (message "ok   %s" what))
    (cl-incf factline-test-failures)
    (message "FAIL %s%s" what (if detail (format "\n     %s" detail) ""))))

(defun factline-test-readme-example (readme)
  "The first elisp block of README's Emacs section."
  (with-temp-buffer
    (insert-file-contents readme)
    (goto-char (point-min))
    (re-search-forward "^## Emacs")
    (re-search-forward "^```elisp\n")
    (let ((start (point)))
      (re-search-forward "^```$")
      (buffer-substring-no-properties start (match-beginning 0)))))

(defun factline-test-wait (pred seconds)
  (let ((deadline (+ (float-time) seconds)))
    (while (and (not (funcall pred)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (funcall pred)))

(let* ((source (or (getenv "FACTLINE_SOURCE_DIR") default-directory))
       (binary (expand-file-name (or (getenv "FACTLINE_BINARY") "build/factline") source))
       (dir (make-temp-file "factline-emacs-" t))
       (draft (expand-file-name "draft.md" dir))
       (lines '("# Hearing notes"
                ""
                "Facebook said the data of 78 million Facebook users was shared."
                ""
                "Zuckerberg told reporters on the call: “This is going to be a never-ending"
                "fight. You never fully solve security. It’s an arms"
                "race,” he said.")))
  ;; The binary the README's ("factline" "serve") finds: the one just built.
  (setenv "PATH" (concat (file-name-directory binary) path-separator (getenv "PATH")))
  (setq exec-path (cons (file-name-directory binary) exec-path))
  (with-temp-file draft (insert (mapconcat #'identity lines "\n") "\n"))
  (with-current-buffer (get-buffer-create "*Messages*") (let ((inhibit-read-only t)) (erase-buffer)))

  (eval (car (read-from-string (concat "(progn " (factline-test-readme-example
                                                 (expand-file-name "editors/README.md" source))
                                       ")")))
        t)
  (require 'eglot)
  (factline-test-check (fboundp 'markdown-mode) "markdown-mode is installed (the README says it is needed)")

  (find-file draft)
  (factline-test-check (derived-mode-p 'markdown-mode) "the draft opens in markdown-mode" major-mode)
  (run-hooks 'post-command-hook) ; eglot-ensure connects after the command that opened the file
  (factline-test-check (factline-test-wait (lambda () (eglot-current-server)) 30)
                       "eglot started factline serve for the draft")
  (let ((server (eglot-current-server)))
    (factline-test-check
     (factline-test-wait
      (lambda () (cl-some (lambda (d) (string-match-p "87 million" (flymake-diagnostic-text d)))
                          (flymake-diagnostics)))
      30)
     "the wrong figure arrives as a Flymake diagnostic naming 87 million"
     (mapcar #'flymake-diagnostic-text (flymake-diagnostics)))

    ;; The example's severity override reached the server through eglot-workspace-configuration.
    (factline-test-check
     (factline-test-wait
      (lambda () (cl-some (lambda (d) (and (eq (flymake-diagnostic-type d) 'eglot-error)
                                           (string-match-p "Altered quote" (flymake-diagnostic-text d))))
                          (flymake-diagnostics)))
      30)
     "the README's :severity (:quote-altered \"error\") reached the server"
     (mapcar (lambda (d) (cons (flymake-diagnostic-type d) (flymake-diagnostic-text d))) (flymake-diagnostics)))

    ;; The outline: imenu, as eglot builds it from textDocument/documentSymbol.
    (let* ((index (funcall imenu-create-index-function))
           (names '()))
      (cl-labels ((walk (items) (dolist (it items)
                                  (if (imenu--subalist-p it) (walk (cdr it)) (push (car it) names)))))
        (walk index))
      (factline-test-check
       (and (cl-some (lambda (n) (string-prefix-p "Wrong figure: 78 million" n)) names)
            (cl-some (lambda (n) (string-prefix-p "Altered quote: “This is going to be" n)) names))
       "imenu names each claim with its status" names))

    ;; "Use the recorded wording" on the hard-wrapped quote, applied as eglot applies code actions.
    (goto-char (point-min))
    (search-forward "fight")
    (let* ((pos (eglot--pos-to-lsp-position (match-beginning 0)))
           (actions (jsonrpc-request server :textDocument/codeAction
                                     (list :textDocument (eglot--TextDocumentIdentifier)
                                           :range (list :start pos :end pos)
                                           :context (list :diagnostics [] :only ["quickfix"]))))
           (fix (cl-find-if (lambda (a) (equal (plist-get a :title) "Use the recorded wording"))
                            (append actions nil))))
      (factline-test-check fix "a code action \"Use the recorded wording\"" actions)
      (when fix
        (eglot--apply-workspace-edit (plist-get fix :edit))
        (let ((now (split-string (buffer-substring-no-properties (point-min) (point-max)) "\n")))
          (factline-test-check
           (equal (seq-take now 7)
                  (append (seq-take lines 5)
                          '("battle. You never fully solve security. It’s an arms" "race,” he said.")))
           "the fix kept the quote's line breaks and its curly apostrophe" now))))

    (let ((warnings (get-buffer "*Warnings*"))
          (messages (with-current-buffer "*Messages*" (buffer-string))))
      (factline-test-check (or (null warnings) (= 0 (buffer-size warnings)))
                           "the README's set-up gives no warning"
                           (and warnings (with-current-buffer warnings (buffer-string))))
      (factline-test-check (not (string-match-p "^\\(Warning\\|Error\\)\\|error in process\\|Server reports (type=[12])"
                                                messages))
                           "and no error or warning in *Messages*, from Emacs or the server" messages))
    (ignore-errors (eglot-shutdown server))))

(message "%d passed, %d failed" factline-test-passes factline-test-failures)
(kill-emacs (if (and (> factline-test-passes 0) (= factline-test-failures 0)) 0 1))
