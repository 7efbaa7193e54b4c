// camsim dashboard: one page, no build step. It reads the control API (/api/v1) and
// draws a paged grid of cameras with live snapshot thumbnails, and a sessions table.
"use strict";
(() => {
  const API = "/api/v1";
  const CAMERAS_EVERY_MS = 1000;
  const SESSIONS_EVERY_MS = 2000;
  const THUMB_EVERY_MS = 1000;
  const THUMB_CONCURRENCY = 6;
  const HISTORY_MS = 5 * 60 * 1000;
  const RATE_WINDOW_MS = 3000;
  const MAX_SESSION_ROWS = 500;
  const MAX_ERRORS = 6;

  const $ = (selector, root = document) => root.querySelector(selector);
  const view = {
    grid: $("#cameras"), empty: $("#no-cameras"), summary: $("#summary"), errors: $("#errors"),
    filter: $("#filter"), pageSize: $("#page-size"), prev: $("#page-prev"), next: $("#page-next"),
    pageLabel: $("#page-label"), token: $("#token"), sessions: $("#sessions tbody"),
    sessionCount: $("#session-count"), template: $("#camera-card"),
  };

  const state = {
    cameras: [],
    byPath: new Map(),
    page: 0,
    pageSize: Number(view.pageSize.value),
    filter: "",
    presets: ["none", "wifi-good", "wifi-congested", "lte", "3g", "satellite", "lossy-bursty"],
    token: sessionStorage.getItem("camsim-token") || "",
    cards: new Map(),          // path -> card (only the cards of the page shown)
    history: new Map(),        // path -> [{t, bitsPerSecond, loss}]
    lastCounters: new Map(),   // path -> [{t, bytes}] over the last RATE_WINDOW_MS
    lossByCamera: new Map(),   // path -> mean RTCP fraction lost of its sessions, or null
    thumbsLoading: 0,
  };
  view.token.value = state.token;

  // MARK: API

  class APIError extends Error {}

  function headers(json) {
    const h = {};
    if (state.token) h["Authorization"] = "Bearer " + state.token;
    if (json) h["Content-Type"] = "application/json";
    return h;
  }

  /** The URL of a camera's resource: the camera path is one URL segment, its slashes escaped. */
  function cameraURL(path, rest) {
    return API + "/cameras/" + encodeURIComponent(path) + rest;
  }

  async function request(method, url, body) {
    let response;
    try {
      response = await fetch(url, {
        method, cache: "no-store", headers: headers(body !== undefined),
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      throw new APIError(`${method} ${url}: ${error.message}`);
    }
    if (!response.ok) {
      let message = response.statusText;
      try {
        const answer = await response.json();
        if (answer && answer.error) {
          message = answer.error;
          if (Array.isArray(answer.problems)) {
            message += ": " + answer.problems.map((p) => `${p.field}: ${p.message}`).join("; ");
          }
        }
      } catch (_) { /* not JSON */ }
      const error = new APIError(`${method} ${url}: ${response.status} ${message}`);
      error.status = response.status;
      throw error;
    }
    const type = response.headers.get("Content-Type") || "";
    if (response.status === 204 || !type.includes("json")) return null;
    return response.json();
  }

  // MARK: Errors on the page

  /** Shows an error; one with the same key replaces the previous (a failing poll shows once). */
  function showError(key, message) {
    let item = view.errors.querySelector(`[data-key="${CSS.escape(key)}"]`);
    if (!item) {
      item = document.createElement("div");
      item.className = "error";
      item.dataset.key = key;
      item.innerHTML = '<span class="message"></span><span class="when"></span><button type="button" title="Dismiss">×</button>';
      item.querySelector("button").addEventListener("click", () => item.remove());
      view.errors.prepend(item);
      while (view.errors.children.length > MAX_ERRORS) view.errors.lastElementChild.remove();
    }
    item.querySelector(".message").textContent = message;
    item.querySelector(".when").textContent = new Date().toLocaleTimeString();
  }

  function clearError(key) {
    const item = view.errors.querySelector(`[data-key="${CSS.escape(key)}"]`);
    if (item) item.remove();
  }

  // MARK: Formatting

  function formatBitrate(bitsPerSecond) {
    if (bitsPerSecond == null) return "–";
    if (bitsPerSecond >= 1e6) return (bitsPerSecond / 1e6).toFixed(2) + " Mbit/s";
    return Math.round(bitsPerSecond / 1e3) + " kbit/s";
  }

  function formatPercent(fraction) {
    return fraction == null ? "–" : (fraction * 100).toFixed(1) + " %";
  }

  function formatTime(iso) {
    if (!iso) return "–";
    const date = new Date(iso);
    return isNaN(date) ? iso : date.toLocaleTimeString();
  }

  // MARK: Cameras

  function visibleCameras() {
    const filter = state.filter.toLowerCase();
    return filter ? state.cameras.filter((c) => c.path.toLowerCase().includes(filter)) : state.cameras;
  }

  /**
   * Takes a cameras poll: each camera's bitrate goes into its history, measured over the
   * last few polls (bytes leave a frame at a time, so one second alone looks jagged).
   */
  function recordCounters(cameras, now) {
    const seen = new Set();
    for (const camera of cameras) {
      seen.add(camera.path);
      const bytes = (camera.streams || []).reduce((sum, s) => sum + (s.bytes_sent || 0), 0);
      let recent = state.lastCounters.get(camera.path) || [];
      // Counters that went back (a camera replaced) start the window again.
      if (recent.length && bytes < recent[recent.length - 1].bytes) recent = [];
      recent.push({ t: now, bytes });
      while (recent.length > 1 && now - recent[0].t > RATE_WINDOW_MS) recent.shift();
      state.lastCounters.set(camera.path, recent);
      const first = recent[0];
      if (recent.length < 2 || now <= first.t) continue;
      const samples = state.history.get(camera.path) || [];
      samples.push({
        t: now,
        bitsPerSecond: (bytes - first.bytes) * 8000 / (now - first.t),
        loss: state.lossByCamera.has(camera.path) ? state.lossByCamera.get(camera.path) : null,
      });
      while (samples.length && samples[0].t < now - HISTORY_MS) samples.shift();
      state.history.set(camera.path, samples);
    }
    // Cameras that are gone take their history with them.
    for (const map of [state.history, state.lastCounters]) {
      for (const path of [...map.keys()]) if (!seen.has(path)) map.delete(path);
    }
  }

  async function pollCameras() {
    try {
      const answer = await request("GET", API + "/cameras");
      clearError("poll:cameras");
      state.cameras = answer.cameras || [];
      state.byPath = new Map(state.cameras.map((c) => [c.path, c]));
      recordCounters(state.cameras, Date.now());
      renderGrid();
    } catch (error) {
      showError("poll:cameras", error.message);
    }
  }

  function renderGrid() {
    const cameras = visibleCameras();
    const pages = Math.max(1, Math.ceil(cameras.length / state.pageSize));
    state.page = Math.min(state.page, pages - 1);
    const shown = cameras.slice(state.page * state.pageSize, (state.page + 1) * state.pageSize);
    view.pageLabel.textContent = `${state.page + 1} / ${pages}`;
    view.prev.disabled = state.page === 0;
    view.next.disabled = state.page >= pages - 1;
    view.empty.hidden = cameras.length > 0;
    const viewers = state.cameras.reduce((sum, c) => sum + (c.viewers || 0), 0);
    view.summary.textContent = `${state.cameras.length} cameras · ${viewers} viewers`;

    const wanted = new Set(shown.map((c) => c.path));
    for (const [path, card] of state.cards) {
      if (!wanted.has(path)) dropCard(card);
    }
    let previous = null;
    for (const camera of shown) {
      const card = state.cards.get(camera.path) || makeCard(camera.path);
      updateCard(card, camera);
      const expectedNext = previous ? previous.nextElementSibling : view.grid.firstElementChild;
      if (expectedNext !== card.element) {
        if (previous) previous.after(card.element); else view.grid.prepend(card.element);
      }
      previous = card.element;
    }
  }

  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      const card = entry.target.camsimCard;
      if (card) card.visible = entry.isIntersecting;
    }
  }, { rootMargin: "100px" });

  function makeCard(path) {
    const element = view.template.content.firstElementChild.cloneNode(true);
    element.dataset.path = path;
    const card = {
      path, element, visible: false, loading: false, lastThumb: 0, objectURL: null, urlsKey: "",
      profileBusy: false,
      parts: {
        path: $(".path", element), state: $(".state", element), img: $(".thumb img", element),
        note: $(".thumb-note", element), viewers: $(".viewers", element), bitrate: $(".bitrate", element),
        loss: $(".loss", element), sparkline: $(".sparkline", element), urls: $(".urls", element),
        profile: $(".profile", element),
      },
    };
    card.parts.path.textContent = path;
    card.parts.path.title = path;
    card.parts.img.alt = `Snapshot of ${path}`;
    fillProfiles(card.parts.profile);
    card.parts.profile.addEventListener("change", () => setProfile(card));
    for (const button of element.querySelectorAll("button[data-action]")) {
      button.addEventListener("click", () => act(card, button.dataset.action, button));
    }
    element.camsimCard = card;
    state.cards.set(path, card);
    observer.observe(element);
    return card;
  }

  function dropCard(card) {
    observer.unobserve(card.element);
    card.element.remove();
    if (card.objectURL) URL.revokeObjectURL(card.objectURL);
    state.cards.delete(card.path);
  }

  function fillProfiles(select) {
    select.replaceChildren();
    const add = (value, label, disabled) => {
      const option = document.createElement("option");
      option.value = value;
      option.textContent = label;
      option.disabled = !!disabled;
      select.append(option);
    };
    add("", "no faults");
    for (const name of state.presets) if (name !== "none") add(name, name);
    add("custom", "custom profile", true);
  }

  function updateCard(card, camera) {
    const p = card.parts;
    const cameraState = camera.state || "idle";
    if (card.element.dataset.state !== cameraState) {
      card.element.dataset.state = cameraState;
      p.state.textContent = cameraState;
      p.state.className = "state " + cameraState;
    }
    p.viewers.textContent = String(camera.viewers ?? 0);
    const samples = state.history.get(camera.path) || [];
    const latest = samples[samples.length - 1];
    p.bitrate.textContent = formatBitrate(latest ? latest.bitsPerSecond : null);
    p.loss.textContent = formatPercent(state.lossByCamera.get(camera.path));
    drawSparkline(p.sparkline, samples);

    const urls = camera.urls || [];
    const key = urls.join("\n");
    if (key !== card.urlsKey) {
      card.urlsKey = key;
      p.urls.replaceChildren(...urls.map((url) => {
        const item = document.createElement("li");
        const code = document.createElement("code");
        code.textContent = url;
        code.title = url;
        const copy = document.createElement("button");
        copy.type = "button";
        copy.className = "copy";
        copy.textContent = "Copy";
        copy.addEventListener("click", () => copyText(url, copy));
        item.append(code, copy);
        return item;
      }));
    }

    if (!card.profileBusy && document.activeElement !== p.profile) {
      const profile = camera.fault_profile || (camera.faults ? "custom" : "");
      if (![...p.profile.options].some((o) => o.value === profile)) fillProfiles(p.profile);
      p.profile.value = [...p.profile.options].some((o) => o.value === profile) ? profile : "custom";
    }
  }

  async function copyText(text, button) {
    try {
      if (navigator.clipboard && window.isSecureContext) {
        await navigator.clipboard.writeText(text);
      } else {
        const area = document.createElement("textarea");
        area.value = text;
        document.body.append(area);
        area.select();
        document.execCommand("copy");
        area.remove();
      }
      button.textContent = "Copied";
    } catch (error) {
      showError("copy", "Copy failed: " + error.message);
    }
    setTimeout(() => { button.textContent = "Copy"; }, 1200);
  }

  async function act(card, action, button) {
    button.disabled = true;
    try {
      await request("POST", cameraURL(card.path, "/actions/" + action));
      clearError("action:" + card.path);
    } catch (error) {
      showError("action:" + card.path, error.message);
    } finally {
      button.disabled = false;
    }
    await pollCameras();
  }

  async function setProfile(card) {
    const value = card.parts.profile.value;
    card.profileBusy = true;
    try {
      if (value === "") await request("DELETE", cameraURL(card.path, "/faults"));
      else await request("PUT", cameraURL(card.path, "/faults"), { profile: value });
      clearError("faults:" + card.path);
    } catch (error) {
      showError("faults:" + card.path, error.message);
    } finally {
      card.profileBusy = false;
    }
    await pollCameras();
  }

  // MARK: Sparklines

  function drawSparkline(canvas, samples) {
    const ratio = window.devicePixelRatio || 1;
    const width = Math.max(1, Math.round(canvas.clientWidth * ratio));
    const height = Math.max(1, Math.round(canvas.clientHeight * ratio));
    if (canvas.width !== width || canvas.height !== height) { canvas.width = width; canvas.height = height; }
    const g = canvas.getContext("2d");
    g.clearRect(0, 0, width, height);
    if (samples.length < 2) return;
    // The last five minutes; a shorter history is spread over at least one minute.
    const now = samples[samples.length - 1].t;
    const span = Math.min(HISTORY_MS, Math.max(60 * 1000, now - samples[0].t));
    const x = (t) => width - (now - t) / span * width;
    const line = (values, top, colour) => {
      g.beginPath();
      let started = false;
      samples.forEach((s, i) => {
        const v = values[i];
        if (v == null) { started = false; return; }
        const px = x(s.t), py = height - 2 - (v / top) * (height - 4);
        if (started) g.lineTo(px, py); else g.moveTo(px, py);
        started = true;
      });
      g.strokeStyle = colour;
      g.lineWidth = ratio;
      g.stroke();
    };
    const rates = samples.map((s) => s.bitsPerSecond);
    line(rates, Math.max(1, ...rates), "#4aa3ff");
    const losses = samples.map((s) => s.loss);
    const worst = Math.max(0.05, ...losses.filter((v) => v != null));
    line(losses, worst, "#ff5d5d");
  }

  // MARK: Thumbnails

  /** Every visible card of the page gets a new snapshot about once a second, one request at a time per card. */
  function refreshThumbnails() {
    if (document.hidden) return;
    const now = Date.now();
    for (const card of state.cards.values()) {
      if (state.thumbsLoading >= THUMB_CONCURRENCY) break;
      if (!card.visible || card.loading || now - card.lastThumb < THUMB_EVERY_MS) continue;
      loadThumbnail(card);
    }
  }

  async function loadThumbnail(card) {
    card.loading = true;
    state.thumbsLoading += 1;
    card.lastThumb = Date.now();
    const img = card.parts.img;
    const wanted = Math.round((img.clientWidth || 320) * (window.devicePixelRatio || 1) / 16) * 16;
    const width = Math.min(640, Math.max(160, wanted));
    const url = cameraURL(card.path, `/snapshot.jpg?width=${width}`);
    try {
      const response = await fetch(url, { cache: "no-store", headers: headers(false) });
      if (!response.ok) {
        let message = response.statusText;
        try { message = (await response.json()).error || message; } catch (_) { /* not JSON */ }
        card.parts.note.textContent = `${response.status}: ${message}`;
        return;
      }
      const blob = await response.blob();
      const objectURL = URL.createObjectURL(blob);
      await new Promise((resolve) => {
        img.onload = img.onerror = resolve;
        img.src = objectURL;
      });
      if (card.objectURL) URL.revokeObjectURL(card.objectURL);
      card.objectURL = objectURL;
      card.parts.note.textContent = "";
    } catch (error) {
      card.parts.note.textContent = error.message;
    } finally {
      card.loading = false;
      state.thumbsLoading -= 1;
    }
  }

  // MARK: Sessions

  async function pollSessions() {
    try {
      const answer = await request("GET", API + "/sessions");
      clearError("poll:sessions");
      const sessions = answer.sessions || [];
      const losses = new Map();
      for (const s of sessions) {
        if (!s.rtcp || typeof s.rtcp.fraction_lost !== "number") continue;
        const entry = losses.get(s.camera) || { sum: 0, count: 0 };
        entry.sum += s.rtcp.fraction_lost;
        entry.count += 1;
        losses.set(s.camera, entry);
      }
      state.lossByCamera = new Map([...losses].map(([path, e]) => [path, e.sum / e.count]));
      renderSessions(sessions);
    } catch (error) {
      showError("poll:sessions", error.message);
    }
  }

  function renderSessions(sessions) {
    view.sessionCount.textContent = sessions.length > MAX_SESSION_ROWS
      ? `(${sessions.length}, first ${MAX_SESSION_ROWS} shown)` : `(${sessions.length})`;
    const rows = sessions.slice(0, MAX_SESSION_ROWS).map((s) => {
      const row = document.createElement("tr");
      row.dataset.session = s.id;
      const rtcp = s.rtcp;
      const drops = Object.entries(s.faults || {}).filter(([, n]) => n > 0).map(([cause, n]) => `${cause} ${n}`).join(", ");
      const cells = [
        [s.camera], [s.stream], [s.transport], [s.client], [formatTime(s.started)],
        [String(s.packets_sent ?? 0), "num"], [String(s.bytes_sent ?? 0), "num"], [drops || "–"],
        [rtcp ? (rtcp.fraction_lost * 100).toFixed(1) : "–", "num"],
        [rtcp ? String(rtcp.cumulative_lost) : "–", "num"],
        [rtcp ? rtcp.jitter_ms.toFixed(2) : "–", "num"],
        [rtcp && rtcp.rtt_ms != null ? rtcp.rtt_ms.toFixed(1) : "–", "num"],
        [rtcp ? formatTime(rtcp.received) : "–"],
      ];
      for (const [text, className] of cells) {
        const cell = document.createElement("td");
        cell.textContent = text ?? "";
        if (className) cell.className = className;
        row.append(cell);
      }
      const kick = document.createElement("button");
      kick.type = "button";
      kick.textContent = "Kick";
      kick.title = "End this viewer's session (RTCP BYE)";
      kick.addEventListener("click", async () => {
        kick.disabled = true;
        try {
          await request("DELETE", API + "/sessions/" + encodeURIComponent(s.id));
        } catch (error) {
          showError("kick:" + s.id, error.message);
        }
        pollSessions();
      });
      const cell = document.createElement("td");
      cell.append(kick);
      row.append(cell);
      return row;
    });
    view.sessions.replaceChildren(...rows);
  }

  // MARK: Presets, controls and timers

  async function loadPresets() {
    try {
      const answer = await request("GET", "/dashboard/presets.json");
      if (answer && Array.isArray(answer.presets)) {
        state.presets = answer.presets;
        for (const card of state.cards.values()) fillProfiles(card.parts.profile);
      }
    } catch (error) {
      showError("presets", error.message);
    }
  }

  view.filter.addEventListener("input", () => { state.filter = view.filter.value.trim(); state.page = 0; renderGrid(); });
  view.pageSize.addEventListener("change", () => { state.pageSize = Number(view.pageSize.value); state.page = 0; renderGrid(); });
  view.prev.addEventListener("click", () => { state.page = Math.max(0, state.page - 1); renderGrid(); });
  view.next.addEventListener("click", () => { state.page += 1; renderGrid(); });
  view.token.addEventListener("change", () => {
    state.token = view.token.value;
    sessionStorage.setItem("camsim-token", state.token);
    pollCameras();
    pollSessions();
  });

  /** Runs `task` every `ms` while the page is shown, never two at once. */
  function every(ms, task) {
    const run = async () => {
      if (!document.hidden) await task();
      setTimeout(run, ms);
    };
    run();
  }

  loadPresets();
  every(CAMERAS_EVERY_MS, pollCameras);
  every(SESSIONS_EVERY_MS, pollSessions);
  setInterval(refreshThumbnails, 200);
})();
