using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Regiekamer.Core.Audit;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.Notifications;

namespace Regiekamer.Core.Applications;

/// <summary>A check the reviewer gives a verdict on: the automatic ones are computed and shown beside it, the human ones only a person can weigh.</summary>
public sealed record ReviewCheckDefinition(string Key, string Rule, Bilingual Title, bool Automatic);

/// <summary>The checks of a dossier's review (seed 003 §2, §5).</summary>
public static class ReviewChecks
{
    public static IReadOnlyList<ReviewCheckDefinition> All { get; } =
    [
        new("R1-R6", Rules.R1, new("Subsidiabiliteit: rechtsvorm, schaal, één regieverband per gemeente, beherende gemeente, referentieregio (R1–R6)", "Eligibility: legal form, scale, one partnership per municipality, managing municipality, reference region (R1–R6)"), true),
        new("R7a", Rules.R7, new("Inlichtingenformulier volledig (R7a)", "Information form complete (R7a)"), true),
        new("R7b", Rules.R7, new("Verbintenisverklaringen van alle leden (R7b)", "Commitment statements of every member (R7b)"), true),
        new("R7c", Rules.R7, new("Meerjarenplan: minstens één actie per prioriteit per jaar, velden en codes (R7c, R10–R12)", "Multi-year plan: at least one action per priority per year, fields and codes (R7c, R10–R12)"), true),
        new("R6-motivation", Rules.R6, new("Motivering van een wijziging of opsplitsing: geen versnippering om louter financiële redenen (R6)", "Motivation of a change or split: no fragmentation for purely financial reasons (R6)"), false),
        new("R9-fit", Rules.R9, new("De acties sluiten aan op de Vlaamse beleidsprioriteiten (R9, handleiding §5.4A)", "The actions fit the Flemish policy priorities (R9, manual §5.4A)"), false),
        new("R11-clarity", Rules.R11, new("De acties zijn helder omschreven: wat en waarom, rol van de regisseur, hoe, beoogd effect (R11, handleiding §5.4B)", "The actions are described clearly: what and why, the regisseur's role, how, intended effect (R11, manual §5.4B)"), false),
    ];

    public static ReviewCheckDefinition? Find(string? key) => All.FirstOrDefault(c => string.Equals(c.Key, key, StringComparison.Ordinal));

    public static Bilingual Label(CheckVerdict verdict) => verdict switch
    {
        CheckVerdict.Sufficient => new("in orde", "sufficient"),
        CheckVerdict.Insufficient => new("niet in orde", "insufficient"),
        _ => new("niet van toepassing", "not applicable"),
    };

    public static string Code(this CheckVerdict verdict) => verdict switch
    {
        CheckVerdict.Sufficient => "sufficient",
        CheckVerdict.Insufficient => "insufficient",
        _ => "not-applicable",
    };

    public static bool TryParseVerdict(string? code, out CheckVerdict verdict)
    {
        foreach (var v in Enum.GetValues<CheckVerdict>())
        {
            if (string.Equals(v.Code(), code?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                verdict = v;
                return true;
            }
        }

        verdict = default;
        return false;
    }
}

/// <summary>What a case handler decides, as entered.</summary>
public sealed record DecisionInput(string? Decision, string? Motivation, string? Rules = null, string? Points = null, DateOnly? ResponseDue = null);

/// <summary>
/// The department's side of a dossier: review checks with a verdict and a note, the decision (approve, reject with
/// the rules it names, or request changes with points and a response date), and an extension of the deadline (R8).
/// Two case handlers deciding at once can never both succeed: the dossier's version guards the transition, and the
/// second is told what the first decided.
/// </summary>
public sealed partial class ReviewService(RegiekamerDb db, AuditTrail audit, NotificationService notifications, BrusselsClock clock, Accounts.CurrentActor actor)
{
    public static string Code(DecisionKind kind) => kind switch
    {
        DecisionKind.Approve => "approve",
        DecisionKind.Reject => "reject",
        _ => "request-changes",
    };

    public static Bilingual Label(DecisionKind kind) => kind switch
    {
        DecisionKind.Approve => new("goedgekeurd", "approved"),
        DecisionKind.Reject => new("afgewezen", "rejected"),
        _ => new("aanpassing gevraagd", "changes requested"),
    };

    public Task<List<ReviewCheck>> ChecksAsync(int id, int version, CancellationToken ct = default) =>
        db.ReviewChecks.AsNoTracking().Where(c => c.ApplicationId == id && c.VersionNumber == version).ToListAsync(ct);

    public Task<List<ApplicationDecision>> DecisionsAsync(int id, CancellationToken ct = default) =>
        db.ApplicationDecisions.AsNoTracking().Where(d => d.ApplicationId == id).OrderBy(d => d.Id).ToListAsync(ct);

    /// <summary>Records a verdict on one check of the version under review; the first one moves a submitted dossier to under review.</summary>
    public async Task<Result<ReviewCheck>> RecordCheckAsync(int id, string? check, string? verdict, string? note, CancellationToken ct = default)
    {
        var definition = ReviewChecks.Find(check);
        var errors = new List<DomainError>();
        if (definition is null)
        {
            errors.Add(DomainError.Invalid("validation", $"Controle '{check}' bestaat niet; kies uit {string.Join(", ", ReviewChecks.All.Select(c => c.Key))}.", $"Check '{check}' does not exist; choose from {string.Join(", ", ReviewChecks.All.Select(c => c.Key))}.", "check"));
        }

        if (!ReviewChecks.TryParseVerdict(verdict, out var v))
        {
            errors.Add(DomainError.Invalid("validation", "Oordeel: kies sufficient, insufficient of not-applicable.", "Verdict: choose sufficient, insufficient or not-applicable.", "verdict"));
        }

        var text = InputText.Clean(note, 4000);
        if (v == CheckVerdict.Insufficient && text is null)
        {
            errors.Add(DomainError.Invalid("validation", "Toelichting: verplicht wanneer een controle niet in orde is.", "Note: required when a check is insufficient.", "note"));
        }

        if (errors.Count > 0)
        {
            return Result<ReviewCheck>.Fail(errors);
        }

        var application = await db.Applications.IgnoreAutoIncludes().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
        {
            return ApplicationService.NotFound(id);
        }

        var transition = ApplicationLifecycle.Transition(application.Status, ApplicationAction.Review);
        if (!transition.IsSuccess)
        {
            return Result<ReviewCheck>.Fail(transition.Errors);
        }

        var now = clock.UtcNow;
        var existing = await db.ReviewChecks.FirstOrDefaultAsync(c => c.ApplicationId == id && c.VersionNumber == application.SubmittedVersions && c.Check == definition!.Key, ct);
        var before = existing is null ? null : new ReviewCheckSnapshot(existing.VersionNumber, existing.Check, existing.Verdict.Code(), existing.Note);
        var row = existing ?? new ReviewCheck { ApplicationId = id, VersionNumber = application.SubmittedVersions, Check = definition!.Key };
        row.Verdict = v;
        row.Note = text;
        row.ReviewedAtUtc = now;
        row.ReviewedByUserId = actor.Actor.UserId;
        if (existing is null)
        {
            db.ReviewChecks.Add(row);
        }

        if (application.Status != transition.Value)
        {
            application.MoveTo(transition.Value, now);
        }
        else
        {
            application.Touch(now);
        }

        audit.Record(new CheckReviewed(id, before, new ReviewCheckSnapshot(row.VersionNumber, row.Check, row.Verdict.Code(), row.Note)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Busy(application);
        }

        return Result<ReviewCheck>.Ok(row);
    }

    /// <summary>Approves, rejects or sends back the version under review. The status must allow it (409 otherwise), and a decision taken by someone else in between wins (409, naming it).</summary>
    public async Task<Result<ApplicationDecision>> DecideAsync(int id, DecisionInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<DomainError>();
        DecisionKind? kind = input.Decision?.Trim().ToLowerInvariant() switch
        {
            "approve" => DecisionKind.Approve,
            "reject" => DecisionKind.Reject,
            "request-changes" => DecisionKind.RequestChanges,
            _ => null,
        };
        if (kind is null)
        {
            errors.Add(DomainError.Invalid("validation", "Beslissing: kies approve, reject of request-changes.", "Decision: choose approve, reject or request-changes.", "decision"));
        }

        var motivation = InputText.Clean(input.Motivation, 4000);
        if (motivation is null)
        {
            errors.Add(DomainError.Invalid("validation", "Motivering: verplicht bij elke beslissing.", "Motivation: required with every decision.", "motivation"));
        }

        var rules = RuleIds(input.Rules, input.Motivation);
        if (kind == DecisionKind.Reject && rules.Count == 0)
        {
            errors.Add(DomainError.Invalid("validation", "Een afwijzing noemt de regels waarop ze steunt (bv. R6, R10).", "A rejection names the rules it rests on (e.g. R6, R10).", "rules"));
        }

        var points = (input.Points ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (kind == DecisionKind.RequestChanges)
        {
            if (points.Count == 0)
            {
                errors.Add(DomainError.Invalid("validation", "Aan te passen: geef minstens één punt (één per regel).", "To change: give at least one point (one per line).", "points"));
            }

            if (input.ResponseDue is not { } due || due <= clock.Today)
            {
                errors.Add(DomainError.Invalid("validation", "Antwoord tegen: een datum na vandaag.", "Response due: a date after today.", "responseDue"));
            }
        }

        if (string.Join('\n', points).Length > 4000)
        {
            errors.Add(DomainError.Invalid("validation", "Aan te passen: hoogstens 4.000 tekens.", "To change: at most 4,000 characters.", "points"));
        }

        if (errors.Count > 0)
        {
            return Result<ApplicationDecision>.Fail(errors);
        }

        var application = await db.Applications.IgnoreAutoIncludes().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
        {
            return ApplicationService.NotFound(id);
        }

        var action = kind switch
        {
            DecisionKind.Approve => ApplicationAction.Approve,
            DecisionKind.Reject => ApplicationAction.Reject,
            _ => ApplicationAction.RequestChanges,
        };
        var transition = ApplicationLifecycle.Transition(application.Status, action);
        if (!transition.IsSuccess)
        {
            return await AlreadyDecidedAsync(application, transition.Errors, ct);
        }

        var now = clock.UtcNow;
        var decision = new ApplicationDecision
        {
            ApplicationId = id,
            VersionNumber = application.SubmittedVersions,
            Kind = kind!.Value,
            Motivation = motivation!,
            Rules = rules.Count == 0 ? null : string.Join(';', rules),
            Points = kind == DecisionKind.RequestChanges ? string.Join('\n', points) : null,
            ResponseDue = kind == DecisionKind.RequestChanges ? input.ResponseDue : null,
            DecidedByUserId = actor.Actor.UserId,
            DecidedAtUtc = now,
        };
        if (kind == DecisionKind.RequestChanges)
        {
            application.RequestChanges(input.ResponseDue!.Value, now);
        }
        else
        {
            application.MoveTo(transition.Value, now);
        }

        db.ApplicationDecisions.Add(decision);

        // The partnership hears of it (changes to make by a date, or the outcome): saved with the decision.
        var told = kind == DecisionKind.RequestChanges ? NotificationTexts.ChangesRequested(application, decision) : NotificationTexts.Decided(application, decision);
        await notifications.StageAsync(told, await notifications.DossierRecipientsAsync(application, ct), ct);
        audit.Record(new ApplicationDecided(id, new DecisionSnapshot(
            decision.VersionNumber, Code(decision.Kind), decision.Motivation, decision.Rules, decision.Points,
            decision.ResponseDue is { } d ? ApplicationContent.Date(d) : null, application.Status.Code())));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Applications.AsNoTracking().IgnoreAutoIncludes().FirstAsync(a => a.Id == id, ct);
            return await AlreadyDecidedAsync(current, [Busy(current)], ct);
        }

        return Result<ApplicationDecision>.Ok(decision);
    }

    /// <summary>The refusal of a second decision names the decision that was taken first.</summary>
    private async Task<Result<ApplicationDecision>> AlreadyDecidedAsync(Application application, IReadOnlyList<DomainError> errors, CancellationToken ct)
    {
        var last = await db.ApplicationDecisions.AsNoTracking().Where(d => d.ApplicationId == application.Id).OrderByDescending(d => d.Id).FirstOrDefaultAsync(ct);
        if (last is null)
        {
            return Result<ApplicationDecision>.Fail(errors);
        }

        var label = Label(last.Kind);
        var at = BrusselsClock.Display(last.DecidedAtUtc);
        return DomainError.Conflict(
            "already-decided",
            $"Over versie {last.VersionNumber} van {application.DossierNumber} werd al beslist: {label.Nl} op {at}. Motivering: {last.Motivation}",
            $"Version {last.VersionNumber} of {application.DossierNumber} was already decided: {label.En} on {at}. Motivation: {last.Motivation}");
    }

    /// <summary>R8: a later deadline for this dossier (until 23:59:59 Brussels time of that day), with a motivation.</summary>
    public async Task<Result<Application>> GrantExtensionAsync(int id, DateOnly? until, string? motivation, CancellationToken ct = default)
    {
        var errors = new List<DomainError>();
        var text = InputText.Clean(motivation, 4000);
        if (text is null)
        {
            errors.Add(DomainError.Invalid("validation", "Motivering: verplicht bij uitstel.", "Motivation: required with an extension.", "motivation"));
        }

        if (until is not { } day || day < clock.Today)
        {
            errors.Add(DomainError.Invalid("validation", "Uitstel tot: een datum vanaf vandaag.", "Extended until: a date from today on.", "until"));
        }

        if (errors.Count > 0)
        {
            return Result<Application>.Fail(errors);
        }

        var application = await db.Applications.IgnoreAutoIncludes().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
        {
            return ApplicationService.NotFound(id);
        }

        var transition = ApplicationLifecycle.Transition(application.Status, ApplicationAction.GrantExtension);
        if (!transition.IsSuccess)
        {
            return Result<Application>.Fail(transition.Errors);
        }

        var before = new ExtensionSnapshot(application.ExtendedUntil is { } b ? ApplicationContent.Date(b) : null, application.ExtensionMotivation);
        application.GrantExtension(until!.Value, text!, clock.UtcNow);
        audit.Record(new ExtensionGranted(id, before, new ExtensionSnapshot(ApplicationContent.Date(until.Value), text)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Busy(application);
        }

        return Result<Application>.Ok(application);
    }

    private static DomainError Busy(Application a) => DomainError.Conflict(
        "concurrency",
        $"Dossier {a.DossierNumber} werd intussen gewijzigd; laad de pagina opnieuw.",
        $"Dossier {a.DossierNumber} was changed in the meantime; reload the page.");

    /// <summary>The rule IDs named in the rules field, or else in the motivation: R1…R18, distinct, in order.</summary>
    public static IReadOnlyList<string> RuleIds(string? rules, string? motivation)
    {
        var named = RuleId().Matches(rules ?? "").Select(m => m.Value.ToUpperInvariant()).ToList();
        if (named.Count == 0)
        {
            named = RuleId().Matches(motivation ?? "").Select(m => m.Value.ToUpperInvariant()).ToList();
        }

        return named.Distinct().OrderBy(r => int.Parse(r.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture)).ToList();
    }

    [GeneratedRegex(@"\bR(1[0-8]|[1-9])\b", RegexOptions.IgnoreCase)]
    private static partial Regex RuleId();
}
