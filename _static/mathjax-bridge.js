// Runs right after MathJax 3 (mathjax/startup.js), on pages with formulas only.
// jupyterquiz and the widget manager (embed.js) still call the MathJax 2 API,
// MathJax.Hub.Queue, whenever window.MathJax exists: bridge it to MathJax 3.
(function () {
  var mathjax = window.MathJax || (window.MathJax = {});
  mathjax.Hub = {
    Queue: function (job) {
      var element = Array.isArray(job) ? job[2] : undefined;
      if (!mathjax.startup || !mathjax.startup.promise) return;
      mathjax.startup.promise
        .then(function () { return mathjax.typesetPromise(element && element.nodeType ? [element] : undefined); })
        .catch(function () {});
    }
  };
})();
