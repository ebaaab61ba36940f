/* reportgen diff: keep the two panes on the same paragraph, and open/close sections together. */
(function () {
  var panes = document.querySelectorAll('.pane');
  if (panes.length !== 2) return;
  var busy = false;
  function topRow(pane) {
    var rows = pane.querySelectorAll('.row');
    var top = pane.getBoundingClientRect().top;
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i].getBoundingClientRect();
      if (r.height && r.bottom > top) return { row: rows[i], frac: Math.max(0, (top - r.top) / r.height) };
    }
    return null;
  }
  function follow(from, to) {
    if (busy) { busy = false; return; }
    var t = topRow(from);
    if (!t) return;
    var twin = to.querySelector('.row[data-row="' + t.row.getAttribute('data-row') + '"]');
    if (!twin) return;
    busy = true;
    var offset = twin.getBoundingClientRect().top - to.getBoundingClientRect().top;
    to.scrollTop += offset + t.frac * twin.getBoundingClientRect().height;
  }
  panes[0].addEventListener('scroll', function () { follow(panes[0], panes[1]); });
  panes[1].addEventListener('scroll', function () { follow(panes[1], panes[0]); });
  document.querySelectorAll('.pane details').forEach(function (d) {
    d.addEventListener('toggle', function () {
      document.querySelectorAll('.pane details[data-g="' + d.getAttribute('data-g') + '"]')
        .forEach(function (o) { if (o.open !== d.open) o.open = d.open; });
    });
  });
})();
