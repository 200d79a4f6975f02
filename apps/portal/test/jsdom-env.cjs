// jsdom with the web platform pieces Node 20 has and jsdom lacks: fetch and its classes (which
// openapi-fetch uses) and a MessageChannel (which antd's components use).
const { TestEnvironment } = require('jest-environment-jsdom');

const FROM_NODE = ['fetch', 'Request', 'Response', 'Headers', 'FormData', 'ReadableStream', 'TextEncoder', 'TextDecoder', 'structuredClone'];

// A MessageChannel on timers: Node's own would keep jest from exiting (a ref'd port).
class TimerMessageChannel {
  constructor() {
    this.port1 = { onmessage: null, close() {} };
    this.port2 = { postMessage: (data) => setTimeout(() => this.port1.onmessage && this.port1.onmessage({ data }), 0), close() {} };
  }
}

class JsdomWithFetch extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of FROM_NODE) if (this.global[name] === undefined) this.global[name] = globalThis[name];
    if (this.global.MessageChannel === undefined) this.global.MessageChannel = TimerMessageChannel;
  }
}
module.exports = JsdomWithFetch;
