/* Công dân số player: chapter seeking, playback speed, and reporting which seconds were
   watched. Without this file the native <video> still plays with captions. */
(function () {
    "use strict";
    var csrf = (document.cookie.match(/(?:^|; )csrftoken=([^;]+)/) || [])[1] || "";
    document.querySelectorAll("figure.player").forEach(function (figure) {
        var video = figure.querySelector("video");
        var url = video.getAttribute("data-report-url");
        var pending = [], from = null;

        function close() {
            if (from !== null && video.currentTime > from + 0.2) {
                pending.push([from, video.currentTime, video.playbackRate]);
            }
            from = video.paused ? null : video.currentTime;
        }
        function flush() {
            close();
            if (!pending.length) { return; }
            var body = JSON.stringify({segments: pending.splice(0, 100)});
            fetch(url, {method: "POST", body: body, keepalive: true, credentials: "same-origin",
                        headers: {"Content-Type": "application/json", "X-CSRFToken": csrf}})
                .catch(function () {});
        }
        video.addEventListener("play", function () { from = video.currentTime; });
        video.addEventListener("seeking", close);  /* a jump is not watching */
        video.addEventListener("seeked", function () { from = video.paused ? null : video.currentTime; });
        video.addEventListener("pause", flush);
        video.addEventListener("ended", flush);
        setInterval(function () { if (!video.paused) { flush(); } }, 10000);
        document.addEventListener("visibilitychange", function () { if (document.hidden) { flush(); } });

        figure.querySelectorAll("[data-seek]").forEach(function (link) {
            link.addEventListener("click", function (event) {
                event.preventDefault();
                close();
                video.currentTime = parseFloat(link.getAttribute("data-seek"));
                video.play();
            });
        });
        var speeds = document.createElement("p");
        speeds.className = "speeds";
        [0.75, 1, 1.25, 1.5].forEach(function (rate) {
            var button = document.createElement("button");
            button.type = "button";
            button.className = "secondary";
            button.textContent = rate + "×";
            button.setAttribute("aria-pressed", rate === 1 ? "true" : "false");
            button.addEventListener("click", function () {
                close();
                video.playbackRate = rate;
                speeds.querySelectorAll("button").forEach(function (b) {
                    b.setAttribute("aria-pressed", b === button ? "true" : "false");
                });
            });
            speeds.appendChild(button);
        });
        figure.insertBefore(speeds, figure.querySelector("figcaption"));
    });
})();
