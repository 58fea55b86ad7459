;;; eglot-test.el --- copydesk under Eglot, in batch Emacs  -*- lexical-binding: t; coding: utf-8 -*-
;;
;; emacs --batch -l editors/emacs/eglot-test.el SERVER
;;
;; Uses the README's Eglot set-up, opens a text file with a doubled space
;; after umlauts, waits for copydesk's diagnostic and checks its line and
;; column, applies the quick fix, and exits non-zero on any failure.
;; Needs Eglot: built into Emacs 29+, `apt-get install elpa-eglot' on Debian's 28.

(require 'package)
(package-initialize)
(require 'eglot)
(require 'flymake)

(defvar copydesk-server (car command-line-args-left))
(setq command-line-args-left nil)
(unless (and copydesk-server (file-executable-p copydesk-server))
  (message "usage: emacs --batch -l eglot-test.el /path/to/copydesk")
  (kill-emacs 2))

;; --- the README set-up (with the binary's path) ---
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               `((text-mode markdown-mode) . (,copydesk-server "serve"))))
(setq-default eglot-workspace-configuration
              '(:copydesk (:language "de" :rules (:spacing/hyphen-spacing "error"))))
;; --- end ---

(defvar failures 0)
(defvar passes 0)
(defun check (what ok &optional detail)
  (if ok (progn (setq passes (1+ passes)) (princ (format "ok - %s\n" what)))
    (setq failures (1+ failures))
    (princ (format "not ok - %s %s\n" what (or detail "")))))

(defun wait-until (pred secs)
  (let ((end (+ (float-time) secs)) v)
    (while (and (not (setq v (funcall pred))) (< (float-time) end))
      (accept-process-output nil 0.05))
    v))

(let* ((dir (make-temp-file "copydesk-eglot" t))
       (file (expand-file-name "notiz.txt" dir))
       (line "Die Präsidentin sagte: «Wir müssen über Lösungen  reden», und ging."))
  (with-temp-file file (insert "Erste Zeile.\n" line "\n"))
  (find-file file)
  (check "text-mode for .txt" (eq major-mode 'text-mode))
  (apply #'eglot (eglot--guess-contact))
  (check "eglot connected" (wait-until #'eglot-current-server 10))
  (let ((d (wait-until
            (lambda ()
              (seq-find (lambda (d) (string-match-p "spaces between words" (flymake-diagnostic-text d)))
                        (flymake-diagnostics)))
            15)))
    (check "double-space diagnostic arrives" d (format "%S" (flymake-diagnostics)))
    (when d
      (let* ((beg (flymake-diagnostic-beg d))
             (expected (save-excursion (goto-char (point-min)) (search-forward "Lösungen  ") (- (point) 2))))
        (check "diagnostic starts at the doubled space (line 2, after umlauts and «)"
               (= beg expected) (format "beg %d, expected %d" beg expected))
        ;; The quick fix, as M-x eglot-code-actions would apply it.
        (goto-char beg)
        (let* ((actions (jsonrpc-request (eglot-current-server) :textDocument/codeAction
                                         (list :textDocument (eglot--TextDocumentIdentifier)
                                               :range (list :start (eglot--pos-to-lsp-position beg)
                                                            :end (eglot--pos-to-lsp-position (+ beg 2)))
                                               :context (list :diagnostics []))))
               (action (seq-find (lambda (a) (string-match-p "one space" (plist-get a :title))) actions)))
          (check "quick fix offered" action (format "%S" actions))
          (when action
            (eglot--apply-workspace-edit (plist-get action :edit))
            (check "buffer text after the fix"
                   (string-match-p "Lösungen reden" (buffer-string)) (buffer-string)))))))
  (check "a workspace/configuration setting took effect (hyphen-spacing as error)"
         (progn
           (goto-char (point-max))
           (insert "Im asiatisch -pazifischen Raum.\n")
           ;; Batch Emacs is never idle: send the change and re-run
           ;; Flymake by hand, as their idle timers would.
           (eglot--signal-textDocument/didChange)
           (wait-until
            (lambda ()
              (flymake-start)
              (seq-find (lambda (d) (and (eq (flymake-diagnostic-type d) 'eglot-error)
                                         (string-match-p "hyphen" (flymake-diagnostic-text d))))
                        (flymake-diagnostics)))
            15))
         (format "%S" (flymake-diagnostics)))
  (ignore-errors (eglot-shutdown (eglot-current-server)))
  (delete-directory dir t))

(princ (format "eglot-%s: %d passed, %d failed\n" emacs-version passes failures))
(kill-emacs (if (= failures 0) 0 1))
