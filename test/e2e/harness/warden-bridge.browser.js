// Runs in the page under test, read from disk and injected as text, so no
// test-time compiler can rewrite it. It defines window.warden exactly as the
// preload does (one method per operation resolving to the core's Reply, plus
// onProgress) but over HTTP and Server-Sent Events instead of IPC.
// bridge-script.ts wraps it with WARDEN_BRIDGE_CONFIG ({ origin, token, operationNames }) in scope.
/* global window, EventSource, WARDEN_BRIDGE_CONFIG */
(function installWardenBridge(config) {
  'use strict';
  // Only pages from the harness get the bridge (not about:blank or error pages).
  if (window.location.origin !== config.origin || 'warden' in window) return;

  var listeners = new Set();
  // Opened at once, so the events of a call started right after load are not missed.
  var events = new EventSource('/__warden/events?token=' + encodeURIComponent(config.token));
  events.addEventListener('progress', function (message) {
    var event = JSON.parse(message.data);
    Array.from(listeners).forEach(function (listener) {
      try {
        listener(event);
      } catch (error) {
        console.error('A progress listener failed', error);
      }
    });
  });

  function failure(code, message) {
    return { ok: false, error: { code: code, message: message } };
  }

  // IPC's structured clone carries a Uint8Array (an HR file's bytes) as is; JSON
  // would turn it into an object of indices, so it travels as tagged base64.
  function encodeBytes(key, value) {
    if (!(value instanceof Uint8Array)) return value;
    var binary = '';
    for (var start = 0; start < value.length; start += 0x8000) {
      binary += String.fromCharCode.apply(null, Array.from(value.subarray(start, start + 0x8000)));
    }
    return { __wardenBytes: window.btoa(binary) };
  }

  // The way back: bytes in a reply (an exported file) come as tagged base64 too, and leave as a Uint8Array.
  function decodeBytes(key, value) {
    if (value === null || typeof value !== 'object' || typeof value.__wardenBytes !== 'string') return value;
    var binary = window.atob(value.__wardenBytes);
    var bytes = new Uint8Array(binary.length);
    for (var index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
    return bytes;
  }

  function invoke(name, input) {
    return fetch('/__warden/call/' + encodeURIComponent(name), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-warden-token': config.token },
      // Like IPC, an absent input arrives as undefined (an empty body).
      body: input === undefined ? '' : JSON.stringify(input, encodeBytes),
    }).then(
      function (response) {
        if (response.status !== 200) {
          return failure(
            'BRIDGE_HTTP_' + response.status,
            'The test harness refused the call (' + response.status + ').',
          );
        }
        return response.text().then(function (text) {
          return JSON.parse(text, decodeBytes);
        });
      },
      function (error) {
        return failure('BRIDGE_UNREACHABLE', 'The test harness could not be reached: ' + String(error));
      },
    );
  }

  var api = {};
  config.operationNames.forEach(function (name) {
    api[name] = function (input) {
      return invoke(name, input);
    };
  });
  api.onProgress = function (listener) {
    listeners.add(listener);
    return function () {
      listeners.delete(listener);
    };
  };
  // contextBridge exposes a frozen, non-writable object: behave the same.
  Object.defineProperty(window, 'warden', { value: Object.freeze(api), enumerable: true });
})(WARDEN_BRIDGE_CONFIG);
