// Reality Check's embeddable card page (/briefs/<slug>/card/), inside a partner's frame: tell the page around it
// how tall the whole card is, so that embed.js there can give the frame that height. Sent when the card is laid
// out, whenever its height changes (a narrower frame, larger text, a font arriving), and when embed.js asks.
// The height is no secret, so any page framing the card may read it; nothing else is sent or taken in.
(() => {
  if (window.parent === window) return; // opened on its own, not in a frame
  const KEY = "reality-check-card-height";
  const main = document.querySelector(".embed-card__main");
  const card = document.querySelector(".embed-card .summary-card");
  if (!main) return;

  // The card's whole height: the frame's content as laid out, plus what the card scrolls to show when the frame
  // is shorter than it (the stylesheet keeps the title and "Read the brief" in view and scrolls the card).
  const wanted = () => {
    const hidden = card ? card.scrollHeight - card.clientHeight : 0;
    const below = parseFloat(getComputedStyle(document.body).marginBottom) || 0;
    return Math.ceil(main.getBoundingClientRect().bottom + window.scrollY + hidden + below);
  };
  let told = 0;
  const tell = (always) => {
    const height = wanted();
    if (always || height !== told) window.parent.postMessage({ [KEY]: height }, "*");
    told = height;
  };

  addEventListener("message", (event) => {
    if (event.source === window.parent && event.data && event.data[KEY] === "?") tell(true);
  });
  new ResizeObserver(() => tell(false)).observe(main);
  if (card) new ResizeObserver(() => tell(false)).observe(card);
  tell(true);
})();
