// Saves a form by itself while a person types (issue 8: drafts save themselves). A form opts in with
// data-autosave="<url>": its fields are posted there (with the antiforgery token) a moment after the last change.
// The answer carries the form's new hidden values by name (the version and what was saved, the basis of the next
// save); a conflict with someone else's save is shown, and the Save button then shows both versions side by side.
// Without JavaScript the form simply posts with its Save button.
(function () {
    "use strict";
    var form = document.querySelector("form[data-autosave]");
    if (!form) {
        return;
    }

    var url = form.getAttribute("data-autosave");
    var status = document.getElementById("autosave-status");
    var dutch = (document.documentElement.lang || "nl").indexOf("nl") === 0;
    var timer = null;
    var saving = false;
    var again = false;

    function say(text) {
        if (status) {
            status.textContent = text;
        }
    }

    function setValues(values) {
        Object.keys(values || {}).forEach(function (name) {
            var input = form.querySelector('input[type="hidden"][name="' + name.replace(/"/g, '\\"') + '"]');
            if (input) {
                input.value = values[name] == null ? "" : values[name];
            }
        });
    }

    function save() {
        if (saving) {
            again = true;
            return;
        }

        saving = true;
        say(dutch ? "Bezig met bewaren…" : "Saving…");
        fetch(url, { method: "POST", body: new FormData(form), credentials: "same-origin", headers: { "Accept": "application/json" } })
            .then(function (response) {
                return response.json().then(function (body) { return { status: response.status, body: body }; });
            })
            .then(function (answer) {
                var body = answer.body;
                if (body.saved) {
                    setValues(body.values);
                    say((dutch ? "Automatisch bewaard om " : "Saved automatically at ") + body.savedAt
                        + (body.merged ? (dutch ? ", samengevoegd met de wijziging van iemand anders." : ", merged with someone else's change.") : ".")
                        + (body.note ? " " + body.note : ""));
                } else if (body.conflict) {
                    say(dutch ? "Iemand anders wijzigde dezelfde velden. Klik op Opslaan om beide versies naast elkaar te zien." : "Someone else changed the same fields. Click Save to see both versions side by side.");
                } else {
                    say((dutch ? "Niet bewaard: " : "Not saved: ") + (body.errors || []).map(function (e) { return e.message; }).join(" "));
                }
            })
            .catch(function () {
                say(dutch ? "Niet bewaard: geen verbinding. Klik op Opslaan." : "Not saved: no connection. Click Save.");
            })
            .then(function () {
                saving = false;
                if (again) {
                    again = false;
                    save();
                }
            });
    }

    function changed(event) {
        if (event.target && event.target.type === "hidden") {
            return;
        }

        window.clearTimeout(timer);
        timer = window.setTimeout(save, 1500);
    }

    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
})();
