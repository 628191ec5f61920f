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
    try {
        // a form that was being sent: its draft goes once a page confirms it was saved (even another ticket's page,
        // when sending moved on to the next ticket), and stays when the page shows an error
        for (var i = window.sessionStorage.length - 1; i >= 0; i--) {
            var k = window.sessionStorage.key(i);
            if (k && k.endsWith(':envoi')) {
                if (saved) { window.sessionStorage.removeItem(k.slice(0, -':envoi'.length)); }
                window.sessionStorage.removeItem(k);
            }
        }
    } catch (e) {
        // storage disabled
    }
    document.querySelectorAll('textarea[data-draft-key]').forEach(function (area) {
        var key = 'brouillon:' + area.getAttribute('data-draft-key');
        try {
            var storage = window.sessionStorage;
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

    // « Insérer » (canned reply, knowledge-base article): the text goes into the reply at the caret, in place,
    // instead of reloading the page with it.
    document.querySelectorAll('form[data-insert-into]').forEach(function (form) {
        var target = document.getElementById(form.getAttribute('data-insert-into'));
        if (!target || !window.fetch) { return; }
        form.addEventListener('submit', function (event) {
            event.preventDefault();
            var id = form.querySelector('select').value;
            var url = form.getAttribute('data-url') + encodeURIComponent(id) + (form.getAttribute('data-url-suffix') || '');
            fetch(url, {credentials: 'same-origin', headers: {'Accept': 'text/plain'}})
                .then(function (response) {
                    if (!response.ok) { throw new Error('HTTP ' + response.status); }
                    return response.text();
                })
                .then(function (text) { insertAtCaret(target, text); })
                .catch(function () { form.submit(); });
        });
    });

    function insertAtCaret(area, text) {
        var start = area.selectionStart;
        var before = area.value.substring(0, start);
        var after = area.value.substring(area.selectionEnd);
        var glue = before && !before.endsWith('\n\n') ? (before.endsWith('\n') ? '\n' : '\n\n') : '';
        area.value = before + glue + text + after;
        area.focus();
        var caret = (before + glue + text).length;
        area.setSelectionRange(caret, caret);
        area.dispatchEvent(new Event('input'));
    }

    function csrf() {
        var input = document.querySelector('input[name=_csrf]');
        return input ? input.value : '';
    }

    function post(url, data, accept) {
        var body = new URLSearchParams(data);
        if (!body.has('_csrf')) { body.append('_csrf', csrf()); }
        return fetch(url, {method: 'POST', credentials: 'same-origin', body: body,
            headers: {'Accept': accept || 'application/json'}});
    }

    // Triage panel: each change is saved in place; the « Enregistrer » button stays for a page without JavaScript.
    var triage = document.querySelector('form[data-autosave]');
    if (triage && window.fetch) {
        var status = triage.querySelector('.save-status');
        var save = function () {
            status.textContent = 'Enregistrement…';
            post(triage.action, new FormData(triage))
                .then(function (response) {
                    return response.json().then(function (json) { return {ok: response.ok, json: json}; });
                })
                .then(function (r) {
                    status.textContent = r.json.message;
                    status.classList.toggle('warn', !r.ok);
                    if (r.ok) {
                        var badges = document.querySelector('.ticket-badges');
                        var s = badges && badges.querySelector('[class*=status-]');
                        if (s) { s.className = 'badge status-' + r.json.status.toLowerCase(); s.textContent = r.json.statusLabel; }
                        var p = badges && badges.querySelector('[class*=prio-]');
                        if (p) { p.className = 'badge prio-' + r.json.priority.toLowerCase(); p.textContent = r.json.priorityLabel; }
                    }
                })
                .catch(function () { triage.submit(); });
        };
        triage.querySelectorAll('select').forEach(function (select) { select.addEventListener('change', save); });
        triage.querySelector('#commune-input').addEventListener('change', save);
    }

    // Live preview of the reply as it will be sent (greeting, name, signature), a moment after typing stops.
    var reply = document.getElementById('reply-text');
    var preview = document.getElementById('reply-preview');
    if (reply && preview && window.fetch) {
        var timer = null;
        var refresh = function () {
            if (!reply.value.trim()) { return; }
            post(reply.getAttribute('data-preview-url'), {text: reply.value}, 'text/plain')
                .then(function (response) { return response.text(); })
                .then(function (text) { preview.textContent = text; });
        };
        reply.addEventListener('input', function () {
            clearTimeout(timer);
            timer = setTimeout(refresh, 600);
        });
        var previewButton = document.querySelector('#reply-form button[name=preview]');
        if (previewButton) {
            previewButton.addEventListener('click', function (event) {
                event.preventDefault();
                preview.closest('details').open = true;
                refresh();
            });
        }
        if (reply.value.trim()) { refresh(); }
    }

    // Who else has the ticket open or is writing, and messages that came in since the page was loaded.
    var presence = document.getElementById('presence');
    if (presence && window.fetch) {
        var typing = false;
        document.querySelectorAll('#reply-text, #note-text').forEach(function (area) {
            area.addEventListener('input', function () { typing = area.value.trim() !== ''; });
        });
        var report = function () {
            post(presence.getAttribute('data-presence-url'), {typing: typing, seen: presence.getAttribute('data-seen'),
                seenChange: presence.getAttribute('data-seen-change')})
                .then(function (response) { return response.ok ? response.json() : null; })
                .then(function (json) {
                    if (!json) { return; }
                    var parts = (json.others || []).map(function (o) {
                        return o.name + (o.typing ? ' (en train d’écrire)' : '');
                    });
                    var text = parts.length ? 'Aussi sur ce ticket : ' + parts.join(', ') + '.' : '';
                    if (json.newMessages > 0) {
                        text += (text ? ' ' : '') + (json.newMessages === 1 ? 'Un nouveau message est arrivé'
                            : json.newMessages + ' nouveaux messages sont arrivés') + ' depuis l’ouverture de la page : rechargez-la pour le lire.';
                    }
                    if (json.changes && json.changes.length) {
                        text += (text ? ' ' : '') + 'Changé depuis l’ouverture de la page : ' + json.changes.join(' ; ') + '.';
                    }
                    if (presence.textContent.trim() !== text) { presence.textContent = text; }
                })
                .catch(function () { /* next time */ });
        };
        setInterval(report, 10000);
        window.addEventListener('pagehide', function () {
            var body = new URLSearchParams({left: 'true', _csrf: csrf()});
            if (navigator.sendBeacon) { navigator.sendBeacon(presence.getAttribute('data-presence-url'), body); }
        });
    }

    // The queue remembers its order, so that j / k on a ticket page go to the next / previous ticket of the list.
    var QUEUE_KEY = 'file:tickets';
    var queue = document.querySelector('table[data-queue]');
    if (queue) {
        try {
            var ids = Array.prototype.map.call(queue.querySelectorAll('tbody tr[data-ticket-id]'),
                function (row) { return row.getAttribute('data-ticket-id'); });
            window.sessionStorage.setItem(QUEUE_KEY, JSON.stringify({ids: ids, url: location.pathname + location.search}));
        } catch (e) { /* storage disabled */ }
    }
    function queueNeighbour(step) {
        try {
            var list = JSON.parse(window.sessionStorage.getItem(QUEUE_KEY) || '{}');
            var here = (location.pathname.match(/\/tickets\/(\d+)/) || [])[1];
            var i = (list.ids || []).indexOf(here);
            return i < 0 ? null : list.ids[i + step] || null;
        } catch (e) {
            return null;
        }
    }
    var nextField = document.querySelector('input[data-next-ticket]');
    if (nextField) { nextField.value = queueNeighbour(1) || ''; }

    // Bulk selection: select all, count of ticked rows.
    var selectAll = document.querySelector('[data-select-all]');
    var countLabel = document.querySelector('[data-selected-count]');
    function boxes() { return Array.prototype.slice.call(document.querySelectorAll('#bulk-form tbody input[name=ids]')); }
    function updateCount() {
        if (!countLabel) { return; }
        var n = boxes().filter(function (b) { return b.checked; }).length;
        countLabel.textContent = n === 0 ? '(aucun)' : '(' + n + (n > 1 ? ' cochés)' : ' coché)');
    }
    if (selectAll) {
        selectAll.addEventListener('change', function () {
            boxes().forEach(function (b) { b.checked = selectAll.checked; });
            updateCount();
        });
        document.addEventListener('change', function (e) { if (e.target.name === 'ids') { updateCount(); } });
        updateCount();
    }

    // Keyboard shortcuts (the list: « ? »). Never while typing in a field, except Ctrl+Entrée and Échap.
    var help = document.getElementById('raccourcis');
    function typingIn(el) {
        return el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
    }
    function rows() { return queue ? Array.prototype.slice.call(queue.querySelectorAll('tbody tr')) : []; }
    function currentRow() {
        var el = document.activeElement;
        return el && el.closest ? el.closest('table[data-queue] tbody tr') : null;
    }
    function moveRow(step) {
        var all = rows();
        if (!all.length) { return; }
        var i = all.indexOf(currentRow());
        var next = all[i < 0 ? 0 : Math.max(0, Math.min(all.length - 1, i + step))];
        next.querySelector('a.ticket-link').focus();
    }
    document.addEventListener('keydown', function (e) {
        var el = document.activeElement;
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && el && el.tagName === 'TEXTAREA' && el.form) {
            e.preventDefault();
            if (el.form.reportValidity()) {
                el.form.requestSubmit(el.form.querySelector('button[type=submit]'));
            }
            return;
        }
        if (e.key === 'Escape' && typingIn(el)) {
            el.blur();
            return;
        }
        if (typingIn(el) || e.ctrlKey || e.metaKey || e.altKey) { return; }
        var ticketPage = document.getElementById('reply-form') || document.getElementById('triage-form');
        var target;
        switch (e.key) {
            case '?':
                if (help && help.showModal) { e.preventDefault(); help.showModal(); }
                return;
            case '/':
                e.preventDefault();
                var q = document.getElementById('q');
                if (q) { q.focus(); q.select(); } else { location.href = (document.querySelector('.brand a') || {}).href + '?recherche'; }
                return;
            case 'j':
            case 'k':
                if (queue) { e.preventDefault(); moveRow(e.key === 'j' ? 1 : -1); return; }
                target = queueNeighbour(e.key === 'j' ? 1 : -1);
                if (ticketPage && target) { location.href = location.pathname.replace(/\/tickets\/\d+.*$/, '/tickets/' + target); }
                return;
            case 'x':
                var row = currentRow();
                if (row) {
                    var box = row.querySelector('input[name=ids]');
                    box.checked = !box.checked;
                    updateCount();
                }
                return;
            case 'b':
                target = document.getElementById('bulk-assignee');
                if (target) { e.preventDefault(); target.focus(); }
                return;
            case 'r':
                target = document.getElementById('reply-text');
                if (target) { e.preventDefault(); target.focus(); }
                return;
            case 'n':
                target = document.getElementById('note-text');
                if (target) { e.preventDefault(); target.focus(); }
                return;
            case 'a':
                if (queue) {
                    if (!boxes().some(function (b) { return b.checked; }) && currentRow()) {
                        currentRow().querySelector('input[name=ids]').checked = true;
                    }
                    var assignee = document.getElementById('bulk-assignee');
                    if (assignee && boxes().some(function (b) { return b.checked; })) {
                        assignee.value = 'me';
                        document.getElementById('bulk-form').requestSubmit(document.getElementById('bulk-apply'));
                    }
                    return;
                }
                target = document.querySelector('#triage-form button[name=assignToMe]');
                if (target) { target.click(); }
                return;
        }
    });
    if (location.search === '?recherche') {
        var search = document.getElementById('q');
        if (search) { search.focus(); }
    }
})();
