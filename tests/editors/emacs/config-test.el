;;; config-test.el --- a workspace .factline/config.json through eglot in batch Emacs -*- lexical-binding: t -*-
;;
;; With editors/README.md's Emacs set-up evaluated as written, opens a copy of the example draft in
;; a scratch workspace whose .factline/config.json raises figure-wrong to error, lowers
;; quote-altered to hint and turns quote-misattributed off (README, "Workspace configuration").
;; Checks that the wrong figure's Flymake diagnostic is an error (eglot 1.9 maps severity 1 to
;; `eglot-error'), that no quote-misattributed diagnostic shows, and that the README's
;; `:severity (:quote-altered "error")', sent by eglot, still goes over the file's "hint" ("What
;; wins": the editor's settings over the file, severity merged rule by rule).
;; Prints "N passed, M failed"; exits 0 only when all passed.
;;
;;   FACTLINE_SOURCE_DIR=. FACTLINE_BINARY=build/factline FACTLINE_DRAFT=examples/hearing-draft.md \
;;     emacs --batch -l tests/editors/emacs/config-test.el

(require 'cl-lib)
(require 'package)
(package-initialize) ; Debian's elpa-* packages

(defvar factline-test-passes 0)
(defvar factline-test-failures 0)

(defun factline-test-check (ok what &optional detail)
  (if ok
      (progn (cl-incf factline-test-passes) (message "ok   %s" what))
    (cl-incf factline-test-failures)
    (message "FAIL %s%s" what (if detail (format "\n     %S" detail) "")))
  ok)

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

(defun factline-test-of-rule (rule)
  "The Flymake diagnostics of RULE (eglot shows the code as \"[RULE]\")."
  (cl-remove-if-not (lambda (d) (string-match-p (regexp-quote (format "[%s]" rule))
                                                (flymake-diagnostic-text d)))
                    (flymake-diagnostics)))

(defun factline-test-figure ()
  "The Flymake diagnostic of the wrong figure \"87 million\" (rule figure-wrong), or nil."
  (cl-find-if (lambda (d) (string-match-p "87 million" (flymake-diagnostic-text d)))
              (factline-test-of-rule "figure-wrong")))

(defun factline-test-diagnostics ()
  (mapcar (lambda (d) (cons (flymake-diagnostic-type d) (flymake-diagnostic-text d)))
          (flymake-diagnostics)))

(let* ((source (or (getenv "FACTLINE_SOURCE_DIR") default-directory))
       (binary (expand-file-name (or (getenv "FACTLINE_BINARY") "build/factline") source))
       (example (expand-file-name (or (getenv "FACTLINE_DRAFT") "examples/hearing-draft.md") source))
       (root (file-name-as-directory (make-temp-file "factline-emacs-config-" t)))
       (draft (expand-file-name "story.md" root)))
  (setenv "PATH" (concat (file-name-directory binary) path-separator (getenv "PATH")))
  (setq exec-path (cons (file-name-directory binary) exec-path))
  (copy-file example draft)
  (make-directory (expand-file-name ".factline" root))
  (with-temp-file (expand-file-name ".factline/config.json" root)
    (insert "{\n  \"severity\": {\"figure-wrong\": \"error\", \"quote-misattributed\": \"off\","
            " \"quote-altered\": \"hint\"}\n}\n"))
  (with-current-buffer (get-buffer-create "*Messages*") (let ((inhibit-read-only t)) (erase-buffer)))

  (eval (car (read-from-string (concat "(progn " (factline-test-readme-example
                                                 (expand-file-name "editors/README.md" source))
                                       ")")))
        t)
  (require 'eglot)

  (find-file draft)
  (run-hooks 'post-command-hook) ; eglot-ensure connects after the command that opened the file
  (let ((server (and (factline-test-wait (lambda () (eglot-current-server)) 30)
                     (eglot-current-server))))
    (factline-test-check server "eglot started factline serve for the draft")
    (factline-test-check
     (factline-test-wait (lambda () (let ((d (factline-test-figure)))
                                      (and d (eq (flymake-diagnostic-type d) 'eglot-error))))
                         30)
     "the wrong figure (87 million) is a Flymake error, as .factline/config.json says"
     (factline-test-diagnostics))
    (factline-test-check (null (factline-test-of-rule "quote-misattributed"))
                         "no quote-misattributed diagnostic: the file turned the rule off"
                         (factline-test-diagnostics))
    (factline-test-check
     (factline-test-wait (lambda () (let ((altered (factline-test-of-rule "quote-altered")))
                                      (and altered (cl-every (lambda (d) (eq (flymake-diagnostic-type d) 'eglot-error))
                                                             altered))))
                         30)
     "the altered quote is an error: the README's :severity goes over the file's hint"
     (factline-test-diagnostics))
    (let ((messages (with-current-buffer "*Messages*" (buffer-string))))
      (factline-test-check (not (string-match-p "^\\(Warning\\|Error\\)\\|error in process\\|Server reports (type=[12])"
                                                messages))
                           "no error or warning in *Messages*, from Emacs or the server" messages))
    (when server (ignore-errors (eglot-shutdown server))))
  (delete-directory root t))

(message "%d passed, %d failed" factline-test-passes factline-test-failures)
(kill-emacs (if (and (> factline-test-passes 0) (= factline-test-failures 0)) 0 1))
