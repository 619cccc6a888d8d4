/* Công dân số player: chapter seeking, playback speed, step posters fetched when near the
   screen, and reporting which seconds were watched. Without this file the native <video>
   still plays with captions.

   Reports survive weak Wi-Fi: each batch of played segments gets an id and is kept in
   localStorage (keyed by its report URL) until the server answers 2xx; a failed batch is
   sent again after 2 s, 4 s, 8 s … at most 60 s apart, when the phone is back online, on
   leaving the page (fetch keepalive: sendBeacon cannot send the CSRF header) and on the
   next visit to any page with a player. The server credits a batch id once, so a batch
   that arrives twice counts once. */
(function () {
    "use strict";
    var PREFIX = "cds-da-xem:";
    var MAX_SEGMENTS = 100;  /* per request, as the server accepts */
    var MAX_BATCHES = 50;  /* kept per video: 5,000 segments, over 13 hours of watching */
    var queues = {}, flushes = [];

    function csrf() {  /* read each time: logging in elsewhere changes it */
        return (document.cookie.match(/(?:^|; )csrftoken=([^;]+)/) || [])[1] || "";
    }
    function stored(url) {
        try { return JSON.parse(localStorage.getItem(PREFIX + url)) || []; } catch (e) { return []; }
    }
    /* Read, change, write (another tab may have queued batches for the same video):
       drop the batch with this id, then put `batch` (its new content) at the end. */
    function store(url, id, batch) {
        try {
            var batches = stored(url).filter(function (b) { return b.batch !== id; });
            if (batch) { batches.push(batch); }
            if (batches.length) {
                localStorage.setItem(PREFIX + url, JSON.stringify(batches.slice(-MAX_BATCHES)));
            } else {
                localStorage.removeItem(PREFIX + url);
            }
        } catch (e) { /* private mode or storage full: the batch is still sent from memory */ }
    }

    function Queue(url) {
        this.url = url;
        this.batches = stored(url);
        this.open = null;  /* the newest batch, while it has not been sent */
        this.sending = {};
        this.busy = false;
        this.timer = null;
        this.delay = 0;
    }
    /* New segments join the newest batch while it has not been sent (the network is
       down, or a request is on its way), so an hour offline makes a few batches, not 360.
       A batch once sent never changes: the server may already hold it. */
    Queue.prototype.add = function (segments) {
        var open = this.open;
        while (segments.length) {
            if (!open || open.segments.length >= MAX_SEGMENTS) {
                open = this.open = {
                    batch: Date.now().toString(36) + Math.random().toString(36).slice(2, 10),
                    segments: []
                };
                this.batches.push(open);
            }
            open.segments = open.segments.concat(segments.splice(0, MAX_SEGMENTS - open.segments.length));
            store(this.url, open.batch, open);
        }
        this.batches = this.batches.slice(-MAX_BATCHES);
        this.next();
    };
    Queue.prototype.post = function (batch, then) {
        var self = this;
        if (batch === self.open) { self.open = null; }
        self.sending[batch.batch] = true;
        fetch(self.url, {
            method: "POST", body: JSON.stringify(batch), keepalive: true, credentials: "same-origin",
            headers: {"Content-Type": "application/json", "X-CSRFToken": csrf()}
        }).then(function (response) {
            /* 400: the server refuses these segments, 404: the video is gone; sending
               them again cannot succeed. Anything else (403, 5xx) may pass later. */
            return response.ok || response.status === 400 || response.status === 404;
        }, function () { return false; }).then(function (done) {
            delete self.sending[batch.batch];
            if (done) {
                self.batches = self.batches.filter(function (b) { return b !== batch; });
                store(self.url, batch.batch, null);
            }
            then(done);
        });
    };
    /* One request at a time: the oldest batch first, the rest after it succeeds. */
    Queue.prototype.next = function () {
        var self = this;
        if (self.busy || self.timer) { return; }
        var waiting = self.batches.filter(function (b) { return !self.sending[b.batch]; });
        if (!waiting.length) { return; }
        var batch = waiting[0];
        self.busy = true;
        self.post(batch, function (done) {
            self.busy = false;
            if (done) { self.delay = 0; self.next(); } else { self.retry(); }
        });
    };
    Queue.prototype.retry = function () {
        var self = this;
        if (self.timer) { return; }
        self.delay = Math.min(self.delay ? self.delay * 2 : 2000, 60000);
        self.timer = setTimeout(function () { self.timer = null; self.next(); }, self.delay);
    };
    Queue.prototype.now = function () {  /* back online: do not wait out the backoff */
        clearTimeout(this.timer);
        this.timer = null;
        this.next();
    };
    /* The page is going away: send every batch not already on its way, all at once. */
    Queue.prototype.leave = function () {
        var self = this;
        self.batches.forEach(function (batch) {
            if (!self.sending[batch.batch]) {
                self.post(batch, function (done) { if (!done) { self.retry(); } });
            }
        });
    };
    function queue(url) {
        return queues[url] || (queues[url] = new Queue(url));
    }
    function leave() {
        flushes.forEach(function (flush) { flush(); });
        Object.keys(queues).forEach(function (url) { queues[url].leave(); });
    }

    /* Batches left by an earlier visit, from any video. */
    try {
        for (var i = 0; i < localStorage.length; i++) {
            var key = localStorage.key(i);
            if (key && key.indexOf(PREFIX) === 0) { queue(key.slice(PREFIX.length)); }
        }
    } catch (e) { /* no storage: nothing was kept */ }

    document.querySelectorAll("figure.player").forEach(function (figure) {
        var video = figure.querySelector("video");
        var reports = queue(video.getAttribute("data-report-url"));
        var played = [], from = null, rate = 1, last = 0;

        /* While seeking, currentTime already holds the target: the last position played
           is the one from the last timeupdate. */
        function position() { return video.seeking ? last : video.currentTime; }
        function round(t) { return Math.round(t * 100) / 100; }
        function start() { from = last = video.currentTime; rate = video.playbackRate; }
        function close(at) {
            if (from !== null && at > from + 0.2) { played.push([round(from), round(at), rate]); }
            from = null;
        }
        function flush() {
            if (from !== null) {
                close(position());
                if (!video.paused && !video.seeking) { start(); }
            }
            if (played.length) { reports.add(played.splice(0)); }
        }
        flushes.push(flush);

        video.addEventListener("play", start);
        video.addEventListener("timeupdate", function () { if (!video.seeking) { last = video.currentTime; } });
        video.addEventListener("seeking", function () { close(last); });  /* a jump is not watching */
        video.addEventListener("seeked", function () {
            last = video.currentTime;
            if (!video.paused) { start(); }
        });
        video.addEventListener("ratechange", function () {
            if (from !== null) { close(position()); start(); }
        });
        video.addEventListener("pause", flush);
        video.addEventListener("ended", flush);
        setInterval(function () { if (!video.paused) { flush(); } }, 10000);

        figure.querySelectorAll("[data-seek]").forEach(function (link) {
            link.addEventListener("click", function (event) {
                event.preventDefault();
                video.currentTime = parseFloat(link.getAttribute("data-seek"));
                video.play();
            });
        });
        var speeds = document.createElement("p");
        speeds.className = "speeds";
        [0.75, 1, 1.25, 1.5].forEach(function (speed) {
            var button = document.createElement("button");
            button.type = "button";
            button.className = "secondary";
            button.textContent = speed + "×";
            button.setAttribute("aria-pressed", speed === 1 ? "true" : "false");
            button.addEventListener("click", function () {
                video.playbackRate = speed;
                speeds.querySelectorAll("button").forEach(function (b) {
                    b.setAttribute("aria-pressed", b === button ? "true" : "false");
                });
            });
            speeds.appendChild(button);
        });
        figure.insertBefore(speeds, figure.querySelector("figcaption"));
    });

    /* Step clips carry data-poster instead of poster (a poster is fetched at once, wherever
       the video is); set it when the clip is within a screen of being seen. */
    if ("IntersectionObserver" in window) {
        var posters = new IntersectionObserver(function (entries) {
            entries.forEach(function (entry) {
                if (entry.isIntersecting) {
                    entry.target.poster = entry.target.getAttribute("data-poster");
                    posters.unobserve(entry.target);
                }
            });
        }, {rootMargin: "600px 0px"});
        document.querySelectorAll("video[data-poster]").forEach(function (video) { posters.observe(video); });
    }

    Object.keys(queues).forEach(function (url) { queues[url].next(); });
    window.addEventListener("online", function () {
        Object.keys(queues).forEach(function (url) { queues[url].now(); });
    });
    window.addEventListener("pagehide", leave);
    document.addEventListener("visibilitychange", function () { if (document.hidden) { leave(); } });
})();
