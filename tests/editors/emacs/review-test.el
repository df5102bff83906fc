;;; review-test.el --- "Mark as reviewed…" through eglot in batch Emacs, against factline -*- lexical-binding: t -*-
;;
;; With editors/README.md's Emacs set-up evaluated as written (plus a `:reviewer'), opens a copy of
;; the example draft in a scratch workspace and does what editors/README.md tells an Emacs user to
;; do: `M-x eglot-code-actions' on the wrong figure, pick "Mark as reviewed…", answer the server's
;; question (window/showMessageRequest, which eglot asks with `completing-read') with the first
;; "Overruled: …" decision, let eglot apply the server's edit to .factline/reviews.json
;; (workspace/applyEdit; eglot asks first, with `y-or-n-p', since the file is not visited) and save
;; that buffer. Checks that the file holds the decision and that the figure's Flymake diagnostic
;; went from a warning to a note (eglot 1.9 maps severity 4, Hint, to `eglot-note').
;; The minibuffer is answered by stubs of `completing-read' and `y-or-n-p' that record each prompt.
;; Prints "N passed, M failed"; exits 0 only when all passed.
;;
;;   FACTLINE_SOURCE_DIR=. FACTLINE_BINARY=build/factline FACTLINE_DRAFT=examples/hearing-draft.md \
;;     emacs --batch -l tests/editors/emacs/review-test.el

(require 'cl-lib)
(require 'json)
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

(defun factline-test-figure ()
  "The Flymake diagnostic of the wrong figure \"87 million\" (rule figure-wrong), or nil."
  (cl-find-if (lambda (d) (let ((text (flymake-diagnostic-text d)))
                            (and (string-match-p "\\[figure-wrong\\]" text)
                                 (string-match-p "87 million" text))))
              (flymake-diagnostics)))

(defun factline-test-diagnostics ()
  (mapcar (lambda (d) (cons (flymake-diagnostic-type d) (flymake-diagnostic-text d)))
          (flymake-diagnostics)))

(let* ((source (or (getenv "FACTLINE_SOURCE_DIR") default-directory))
       (binary (expand-file-name (or (getenv "FACTLINE_BINARY") "build/factline") source))
       (example (expand-file-name (or (getenv "FACTLINE_DRAFT") "examples/hearing-draft.md") source))
       (root (file-name-as-directory (make-temp-file "factline-emacs-review-" t)))
       (draft (expand-file-name "story.md" root))
       (reviews (expand-file-name ".factline/reviews.json" root))
       (asked '()))
  (setenv "PATH" (concat (file-name-directory binary) path-separator (getenv "PATH")))
  (setq exec-path (cons (file-name-directory binary) exec-path))
  (copy-file example draft)
  (with-current-buffer (get-buffer-create "*Messages*") (let ((inhibit-read-only t)) (erase-buffer)))

  (eval (car (read-from-string (concat "(progn " (factline-test-readme-example
                                                 (expand-file-name "editors/README.md" source))
                                       ")")))
        t)
  ;; Who decides: the setting `reviewer' (README, "Review decisions"), in the README's section.
  (setq-default eglot-workspace-configuration
                (list :factline (append (plist-get (default-value 'eglot-workspace-configuration)
                                                   :factline)
                                        '(:reviewer "Test Reviewer"))))
  (require 'eglot)

  (find-file draft)
  (run-hooks 'post-command-hook) ; eglot-ensure connects after the command that opened the file
  (let ((server (and (factline-test-wait (lambda () (eglot-current-server)) 30)
                     (eglot-current-server)))
        (draft-buffer (current-buffer)))
    (factline-test-check server "eglot started factline serve for the draft")
    (factline-test-check
     (factline-test-wait (lambda () (let ((d (factline-test-figure)))
                                      (and d (eq (flymake-diagnostic-type d) 'eglot-warning))))
                         30)
     "the wrong figure (87 million) is a Flymake warning" (factline-test-diagnostics))

    (when-let ((figure (and server (factline-test-figure))))
      (goto-char (flymake-diagnostic-beg figure))
      ;; The user's answers. `last-nonmenu-event' a key, as after M-x: eglot then asks with
      ;; `completing-read' rather than a popup menu.
      (cl-letf* ((last-nonmenu-event ?\r)
                 ((symbol-function 'completing-read)
                  (lambda (prompt collection &rest _)
                    (push prompt asked)
                    (let ((titles (mapcar (lambda (c) (if (consp c) (car c) c)) collection)))
                      (cond ((string-match-p "Pick an action" prompt)
                             (car (member "Mark as reviewed…" titles)))
                            ((string-match-p "Choose an option" prompt)
                             (cl-find-if (lambda (title) (string-prefix-p "Overruled: " title))
                                         titles))
                            (t (error "Unexpected question: %s" prompt))))))
                 ((symbol-function 'y-or-n-p)
                  (lambda (prompt) (push prompt asked) t)))
        (condition-case err
            (call-interactively #'eglot-code-actions)
          (error (factline-test-check nil "M-x eglot-code-actions, Mark as reviewed… ran" err)))
        (factline-test-check
         (cl-some (lambda (p) (and (string-match-p "Factline: mark as reviewed: .*87 million" p)
                                   (string-match-p "Choose an option" p)))
                  asked)
         "the server asked for the decision (window/showMessageRequest)" (reverse asked))
        (factline-test-check
         (cl-some (lambda (p) (string-match-p "Server wants to edit:[[:space:]]*.*/\\.factline/reviews\\.json" p)) asked)
         "eglot asked before editing .factline/reviews.json (workspace/applyEdit)" (reverse asked))

        (let ((buffer (find-buffer-visiting reviews)))
          (factline-test-check (and buffer (buffer-modified-p buffer))
                               "eglot holds the decision in an unsaved .factline/reviews.json buffer"
                               (mapcar #'buffer-name (buffer-list)))
          (when buffer
            ;; "save that buffer to keep the decision" (editors/README.md); Emacs asks to create
            ;; the missing .factline/ directory.
            (with-current-buffer buffer (save-buffer))
            (message "asked: %S" (reverse asked))))))

    (factline-test-check (file-exists-p reviews) "the saved decision is in .factline/reviews.json"
                         (reverse asked))
    (when (file-exists-p reviews)
      (let* ((json (with-temp-buffer (insert-file-contents reviews)
                                     (json-parse-buffer :object-type 'alist :array-type 'list)))
             (decisions (alist-get 'decisions json))
             (d (car decisions)))
        (factline-test-check
         (and (= (length decisions) 1)
              (equal (alist-get 'draft d) "story.md")
              (equal (alist-get 'rule d) "figure-wrong")
              (equal (alist-get 'decision d) "overruled")
              (equal (alist-get 'reason d) "record-incomplete")
              (equal (alist-get 'by d) "Test Reviewer"))
         "it says: story.md's figure-wrong, overruled (record-incomplete) by Test Reviewer" json)))

    (with-current-buffer draft-buffer
      (factline-test-check
       (factline-test-wait (lambda () (let ((d (factline-test-figure)))
                                        (and d (eq (flymake-diagnostic-type d) 'eglot-note)
                                             (string-match-p "Reviewed, overruled: the record is incomplete (Test Reviewer"
                                                             (flymake-diagnostic-text d)))))
                           30)
       "the reviewed figure is now a Flymake note (a Hint), saying who overruled it"
       (factline-test-diagnostics)))

    (let ((messages (with-current-buffer "*Messages*" (buffer-string))))
      (factline-test-check (not (string-match-p "^\\(Warning\\|Error\\)\\|error in process\\|Server reports (type=[12])"
                                                messages))
                           "no error or warning in *Messages*, from Emacs or the server" messages))
    (when server (ignore-errors (eglot-shutdown server))))
  (delete-directory root t))

(message "%d passed, %d failed" factline-test-passes factline-test-failures)
(kill-emacs (if (and (> factline-test-passes 0) (= factline-test-failures 0)) 0 1))
