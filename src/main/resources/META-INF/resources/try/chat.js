// Stem preview chat: shows the survey's messages and sends typed answers, button taps and files.
(function () {
  'use strict';
  const chat = document.getElementById('chat');
  const token = chat.dataset.token;
  const api = '/try/api/conversations/' + token;
  const text = document.getElementById('text');
  const statusEl = document.getElementById('status');
  // Stem's texts in the conversation's language: status names and error messages (never English by default).
  const texts = JSON.parse(chat.dataset.texts || '{}');
  let lastId = 0;
  let polling = false;

  function newId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return Date.now().toString(36) + Math.random().toString(36).slice(2);
  }

  function bubble(cls, dir) {
    const div = document.createElement('div');
    div.className = 'msg ' + cls;
    div.dir = dir || 'auto';
    chat.appendChild(div);
    return div;
  }

  // Called once a message is filled in (text, buttons, player): only then is its height known. A
  // message taller than the chat shows its start, so a long question is read from the top.
  function reveal(div) {
    if (div.offsetHeight > chat.clientHeight) {
      chat.scrollTop = div.offsetTop - chat.offsetTop;
    } else {
      chat.scrollTop = chat.scrollHeight;
    }
  }

  // An error from the API in the conversation's language: its code picks the text.
  function problemText(p) {
    if (p && p.code === 'conversation_not_found') return texts['error.ended'] || p.message;
    if (p && p.code === 'media_too_large') return texts['error.too_large'] || p.message;
    return texts['error.failed'] || (p && p.message) || '';
  }

  function show(m) {
    const div = bubble('bot ' + m.kind, m.rtl ? 'rtl' : 'ltr');
    div.dataset.id = m.id;
    if (m.questionId) div.dataset.question = m.questionId;
    if (m.audio) {
      // A question read aloud: a player in the bubble; the question's text follows in the next one.
      const player = document.createElement('audio');
      player.controls = true;
      player.preload = 'metadata';
      player.src = m.audio;
      div.appendChild(player);
      reveal(div);
      return div;
    }
    const p = document.createElement('p');
    p.textContent = m.text;
    div.appendChild(p);
    if (m.buttons && m.buttons.length) {
      const row = document.createElement('div');
      row.className = 'buttons';
      m.buttons.forEach(function (b) {
        const btn = document.createElement('button');
        btn.type = 'button';
        btn.className = 'choice';
        btn.textContent = b.label;
        btn.dataset.payload = b.payload;
        btn.addEventListener('click', function () { tap(b, btn); });
        row.appendChild(btn);
      });
      div.appendChild(row);
    }
    document.documentElement.dir = m.rtl ? 'rtl' : 'ltr';
    text.dir = m.rtl ? 'rtl' : 'auto';
    reveal(div);
    return div;
  }

  function showOwn(label, cls) {
    const div = bubble('me ' + (cls || ''));
    div.textContent = label;
    reveal(div);
  }

  async function refresh() {
    if (polling) return;
    polling = true;
    try {
      const r = await fetch(api + '/messages?after=' + lastId);
      if (!r.ok) return;
      const body = await r.json();
      let last = null;
      body.messages.forEach(function (m) { last = show(m); lastId = Math.max(lastId, m.id); });
      // The newest message is in view once all are rendered (a question after its voice note).
      if (last) reveal(last);
      statusEl.textContent = texts['status.' + body.status] || '';
      document.body.dataset.status = body.status;
    } finally {
      polling = false;
    }
  }

  async function post(body) {
    const r = await fetch(api + '/messages', {
      method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)
    });
    if (!r.ok) {
      const p = await r.json().catch(function () { return {message: r.statusText}; });
      showOwn('⚠ ' + problemText(p), 'error');
    }
    await refresh();
  }

  function tap(b, btn) {
    btn.classList.add('tapped');
    showOwn(b.label);
    post({id: newId(), payload: b.payload});
  }

  document.getElementById('composer').addEventListener('submit', function (e) {
    e.preventDefault();
    const value = text.value;
    if (!value.trim()) return;
    text.value = '';
    showOwn(value);
    post({id: newId(), text: value});
  });

  async function upload(blob, name) {
    const form = new FormData();
    form.append('id', newId());
    form.append('file', blob, name);
    showOwn('\u266A ' + name + ' (' + Math.round(blob.size / 1024) + ' KB)');
    const r = await fetch(api + '/media', {method: 'POST', body: form});
    if (!r.ok) {
      const p = await r.json().catch(function () { return {message: r.statusText}; });
      showOwn('⚠ ' + problemText(p), 'error');
    }
    await refresh();
  }

  document.getElementById('file').addEventListener('change', function (e) {
    const f = e.target.files[0];
    if (f) upload(f, f.name);
    e.target.value = '';
  });

  // Voice notes straight from the microphone, where the browser allows it.
  const record = document.getElementById('record');
  let recorder = null;
  if (!(navigator.mediaDevices && window.MediaRecorder)) {
    record.hidden = true;
  } else {
    record.addEventListener('click', async function () {
      if (recorder && recorder.state === 'recording') {
        recorder.stop();
        return;
      }
      try {
        const stream = await navigator.mediaDevices.getUserMedia({audio: true});
        const chunks = [];
        recorder = new MediaRecorder(stream);
        recorder.ondataavailable = function (ev) { chunks.push(ev.data); };
        recorder.onstop = function () {
          stream.getTracks().forEach(function (t) { t.stop(); });
          record.classList.remove('on');
          upload(new Blob(chunks, {type: recorder.mimeType || 'audio/webm'}), 'voice-note.webm');
        };
        recorder.start();
        record.classList.add('on');
      } catch (err) {
        showOwn('⚠ ' + (texts['error.failed'] || err.message), 'error');
      }
    });
  }

  refresh();
  setInterval(refresh, 3000);
})();
