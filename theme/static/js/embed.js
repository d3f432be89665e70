// Reality Check embeds, on a partner's page: each card's frame takes the height of its card.
// The embed code loads this file beside its <iframe>. A frame cannot size itself across sites, so the card page
// (card-height.js) sends its height in a message; only messages from this file's own site are heeded, and only
// for a frame on this page showing that site. Without this file (a page whose policy forbids it) the frame keeps
// the height the embed code gives it, and the card scrolls between its title and "Read the brief".
(() => {
  const script = document.currentScript;
  if (!script || window.realityCheckEmbeds) return; // loaded once per page, however many cards it embeds
  window.realityCheckEmbeds = true;
  const origin = new URL(script.src).origin;
  const KEY = "reality-check-card-height";

  addEventListener("message", (event) => {
    const height = event.origin === origin && event.data ? event.data[KEY] : undefined;
    if (typeof height !== "number" || !(height > 0) || height > 10000) return;
    for (const frame of document.getElementsByTagName("iframe")) {
      if (frame.contentWindow === event.source) frame.style.height = `${Math.ceil(height)}px`;
    }
  });

  // A card that loaded before this file did has sent its height already: ask every frame for it again.
  const ask = () => {
    for (const frame of document.getElementsByTagName("iframe")) {
      frame.contentWindow?.postMessage({ [KEY]: "?" }, origin);
    }
  };
  if (document.readyState === "loading") addEventListener("DOMContentLoaded", ask);
  else ask();
})();
