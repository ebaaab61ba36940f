/* reportgen diff: keep the two panes on the same paragraph, and open/close sections together. */
(function () {
  var panes = document.querySelectorAll('.pane');
  if (panes.length !== 2) return;
  var moving = null; // the pane we scrolled ourselves; its next scroll event is ours, not the user's
  function topRow(pane) {
    var rows = pane.querySelectorAll('.row');
    var top = pane.getBoundingClientRect().top;
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i].getBoundingClientRect();
      if (r.height && r.bottom > top + 1) return { row: rows[i], frac: Math.max(0, (top - r.top) / r.height) };
    }
    return null;
  }
  function follow(from, to) {
    if (moving === from) { moving = null; return; }
    var t = topRow(from);
    if (!t) return;
    var twin = to.querySelector('.row[data-row="' + t.row.getAttribute('data-row') + '"]');
    if (!twin) return;
    var box = twin.getBoundingClientRect();
    var goal = to.scrollTop + (box.top - to.getBoundingClientRect().top) + t.frac * box.height;
    if (Math.abs(goal - to.scrollTop) < 1) return;
    moving = to;
    to.scrollTop = goal;
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
