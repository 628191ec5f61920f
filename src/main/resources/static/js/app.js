// Small progressive enhancements; every page works without JavaScript.
(function () {
    'use strict';

    // Forms with data-confirm ask before a destructive action (merge, reject, discard, revoke...).
    document.addEventListener('submit', function (event) {
        var form = event.target;
        var submitter = event.submitter;
        var message = (submitter && submitter.getAttribute('data-confirm')) || form.getAttribute('data-confirm');
        if (message && !window.confirm(message)) {
            event.preventDefault();
        }
    });

    // Secrets shown once are selected on focus, ready to copy.
    document.querySelectorAll('[data-select-on-focus]').forEach(function (input) {
        input.addEventListener('focus', function () { input.select(); });
    });

    // Replies and notes being typed are kept in this tab (sessionStorage) until the page shows they were saved:
    // an expired session or a slip of the mouse loses nothing.
    var saved = document.querySelector('.notice-success');
    document.querySelectorAll('textarea[data-draft-key]').forEach(function (area) {
        var key = 'brouillon:' + area.getAttribute('data-draft-key');
        var sending = key + ':envoi';
        try {
            var storage = window.sessionStorage;
            if (storage.getItem(sending) && saved) {
                storage.removeItem(key); // its own form was just saved
            }
            storage.removeItem(sending);
            var draft = storage.getItem(key);
            if (draft && !area.value) {
                area.value = draft;
                var note = document.createElement('p');
                note.className = 'hint';
                note.setAttribute('role', 'status');
                note.textContent = 'Brouillon non envoyé restauré.';
                area.insertAdjacentElement('afterend', note);
            }
            area.addEventListener('input', function () {
                storage.setItem(key, area.value);
            });
        } catch (e) {
            // storage disabled: drafts are simply not kept
        }
    });
    // registered after the confirmation listener: a cancelled submission is not a sending
    document.addEventListener('submit', function (event) {
        if (event.defaultPrevented) {
            return;
        }
        event.target.querySelectorAll('textarea[data-draft-key]').forEach(function (area) {
            try {
                window.sessionStorage.setItem('brouillon:' + area.getAttribute('data-draft-key') + ':envoi', '1');
            } catch (e) {
                // storage disabled
            }
        });
    });

    // « Insérer l'article »: adds the article to the reply being typed instead of reloading the page.
    var insertForm = document.querySelector('[data-insert-article]');
    var reply = document.getElementById('reply-text');
    if (insertForm && reply && window.fetch) {
        insertForm.addEventListener('submit', function (event) {
            event.preventDefault();
            var id = insertForm.querySelector('select[name=article]').value;
            var url = insertForm.getAttribute('data-article-url') + encodeURIComponent(id) + '/reponse';
            fetch(url, {credentials: 'same-origin', headers: {'Accept': 'text/plain'}})
                .then(function (response) {
                    if (!response.ok) { throw new Error('HTTP ' + response.status); }
                    return response.text();
                })
                .then(function (text) {
                    var start = reply.selectionStart;
                    var before = reply.value.substring(0, start);
                    var after = reply.value.substring(reply.selectionEnd);
                    var glue = before && !before.endsWith('\n\n') ? (before.endsWith('\n') ? '\n' : '\n\n') : '';
                    reply.value = before + glue + text + after;
                    reply.focus();
                    var caret = (before + glue + text).length;
                    reply.setSelectionRange(caret, caret);
                    reply.dispatchEvent(new Event('input'));
                })
                .catch(function () { insertForm.submit(); });
        });
    }
})();
