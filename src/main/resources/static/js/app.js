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
                })
                .catch(function () { insertForm.submit(); });
        });
    }
})();
