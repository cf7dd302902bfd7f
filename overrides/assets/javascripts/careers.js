/* Small enhancements of our own; every page works without them.
 *
 * 1. The job list: the filter links (server-rendered filter pages) become a form that filters
 *    and sorts in place. The choice is kept in the address (?yrke=sykepleier&bydel=sentrum), so
 *    a filtered list can be shared and reloaded, and the result count is announced.
 * 2. Job pages: a «copy link» button.
 * 3. Event print pages: a «print» button.
 * 4. The header: a search button the keyboard can reach (Material opens the search from a label).
 */
(function () {
  "use strict";

  function enhanceJobList() {
    var form = document.querySelector("form[data-careers-filter]");
    var list = document.querySelector("[data-careers-jobs]");
    var status = document.querySelector("[data-careers-count]");
    if (!form || !list || !status) return;
    var links = document.querySelector("[data-careers-filter-links]");
    var panel = document.querySelector("[data-careers-filter-panel]");
    var active = document.querySelector("[data-careers-filter-active]");
    var sort = form.querySelector("select[name=sort]");
    var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"));
    var cards = Array.prototype.slice.call(list.children);
    var total = Number(status.getAttribute("data-total"));
    var initialText = status.textContent;

    cards.forEach(function (card, index) {
      card.setAttribute("data-order", String(index));
    });

    function chosen() {
      var selection = {};
      boxes.forEach(function (box) {
        if (box.checked) (selection[box.name] = selection[box.name] || []).push(box.value);
      });
      return selection;
    }

    // Any of the chosen values within one facet, all facets at once.
    function matchesValues(valuesOf, selection) {
      return Object.keys(selection).every(function (segment) {
        var own = (valuesOf(segment) || "").split(" ");
        return selection[segment].some(function (value) {
          return own.indexOf(value) !== -1;
        });
      });
    }

    // An ad whose openings differ matches when one opening has every chosen facet (a vikariat
    // for a vernepleier is not «sykepleier + vikariat»), as the filter pages do.
    function matches(card, selection) {
      var openings = card.getAttribute("data-openings");
      if (openings) {
        return JSON.parse(openings).some(function (values) {
          return matchesValues(function (segment) { return values[segment]; }, selection);
        });
      }
      return matchesValues(function (segment) {
        return card.getAttribute("data-filter-" + segment);
      }, selection);
    }

    function compare(a, b) {
      var order = Number(a.getAttribute("data-order")) - Number(b.getAttribute("data-order"));
      if (sort.value === "newest") {
        var newer = b.getAttribute("data-published").localeCompare(a.getAttribute("data-published"));
        return newer || order;
      }
      return order; // the server's order: soonest deadline first
    }

    function describe(shown, count) {
      if (!count) return initialText;
      if (!shown) return status.getAttribute("data-none");
      var template = status.getAttribute(shown === 1 ? "data-one" : "data-many");
      return template.replace("{n}", String(shown)).replace("{total}", String(total));
    }

    function update(rememberInAddress) {
      var selection = chosen();
      var count = 0;
      var shown = 0;
      Object.keys(selection).forEach(function (segment) {
        count += selection[segment].length;
      });
      cards.forEach(function (card) {
        card.hidden = !matches(card, selection);
        if (!card.hidden) shown += 1;
      });
      cards.slice().sort(compare).forEach(function (card) {
        list.appendChild(card);
      });
      var text = describe(shown, count);
      if (status.textContent !== text) status.textContent = text;
      if (active) {
        active.textContent = count ? status.getAttribute("data-active").replace("{n}", String(count)) : "";
      }
      if (rememberInAddress) {
        var params = new URLSearchParams();
        boxes.forEach(function (box) {
          if (box.checked) params.append(box.name, box.value);
        });
        if (sort.value !== "deadline") params.set("sort", sort.value);
        var query = params.toString();
        history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
      }
    }

    // Start from the address, so a shared or reloaded link shows the same list.
    var params = new URLSearchParams(location.search);
    boxes.forEach(function (box) {
      box.checked = params.getAll(box.name).indexOf(box.value) !== -1;
    });
    if (params.get("sort") === "newest") sort.value = "newest";

    if (links) links.hidden = true;
    form.hidden = false;
    if (panel && (window.matchMedia("(min-width: 60em)").matches || params.toString())) {
      panel.open = true;
    }
    form.addEventListener("change", function () {
      update(true);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      update(true);
    });
    form.addEventListener("reset", function () {
      // The form is reset after this event; read it afterwards.
      window.setTimeout(function () {
        update(true);
      }, 0);
    });
    update(false);
  }

  function enhanceCopyLink() {
    var item = document.querySelector("[data-careers-copy-link]");
    if (!item || !navigator.clipboard) return;
    var button = item.querySelector("button");
    var message = item.querySelector("[data-copied]");
    item.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(button.getAttribute("data-url") || location.href).then(function () {
        message.textContent = message.getAttribute("data-copied");
      });
    });
  }

  function enhancePrint() {
    var button = document.querySelector("[data-careers-print]");
    if (!button || !window.print) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  }

  // Kit pages: a copy button beside each ready-made text.
  function enhanceCopyTexts() {
    if (!navigator.clipboard) return;
    Array.prototype.forEach.call(document.querySelectorAll("[data-careers-copy-text]"), function (button) {
      var section = button.closest("section");
      var source = section && section.querySelector("[data-careers-copy-source]");
      var message = section && section.querySelector("[data-copied]");
      if (!source) return;
      button.hidden = false;
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(source.value).then(function () {
          if (message) message.textContent = message.getAttribute("data-copied");
        });
      });
    });
  }

  // Opens Material's search the way its own label does: through the search toggle.
  function enhanceSearchButton() {
    var button = document.querySelector("[data-careers-search]");
    var toggle = document.getElementById("__search");
    var query = document.querySelector(".md-search__input");
    if (!button || !toggle || !query) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
      query.focus();
    });
  }

  enhanceJobList();
  enhanceSearchButton();
  enhanceCopyLink();
  enhancePrint();
  enhanceCopyTexts();
})();
