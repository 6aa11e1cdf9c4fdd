using Regiekamer.Core.Applications.Plan;
using Regiekamer.Core.Common;
using Regiekamer.Core.Eligibility;
using Regiekamer.Core.Partnerships;

namespace Regiekamer.Core.Applications;

/// <summary>The parts of a dossier (R7), and what else can block a submission.</summary>
public enum DossierPart
{
    /// <summary>(a) the information form.</summary>
    Information,

    /// <summary>(b) the commitment statements (new and changed partnerships only).</summary>
    Commitment,

    /// <summary>(c) the content application: the multi-year plan.</summary>
    Plan,

    /// <summary>R1–R6 on the partnership as it is composed.</summary>
    Eligibility,

    /// <summary>R8.</summary>
    Deadline,
}

/// <summary>
/// One thing to fix before the dossier can be submitted (or, when not <see cref="Blocking"/>, worth a look): its rule,
/// what is wrong, and where it is fixed (the part, and the action or field when there is one).
/// </summary>
public sealed record DossierProblem(string Rule, Bilingual Message, DossierPart Part, string? Field = null, int? ActionId = null, bool Blocking = true);

/// <summary>A part's state for the checklist: whether it is needed, complete, and what is missing.</summary>
public sealed record PartState(DossierPart Part, bool Required, IReadOnlyList<DossierProblem> Problems)
{
    public bool Complete => !Required || Problems.All(p => !p.Blocking);

    public Bilingual Title => Part switch
    {
        DossierPart.Information => new("(a) Inlichtingenformulier", "(a) Information form"),
        DossierPart.Commitment => new("(b) Verbintenisverklaring", "(b) Commitment statement"),
        DossierPart.Plan => new("(c) Inhoudelijke aanvraag: meerjarenplan", "(c) Content application: multi-year plan"),
        DossierPart.Eligibility => new("Subsidiabiliteit (R1–R6)", "Eligibility (R1–R6)"),
        _ => new("Indiendatum (R8)", "Deadline (R8)"),
    };
}

/// <summary>R8 for one dossier: the call's deadline, an extension if granted, and the last moment it may be submitted.</summary>
public sealed record DeadlineState(DateOnly Deadline, DateOnly? ExtendedUntil, string? ExtensionMotivation, DateTime LastMomentUtc, bool Passed)
{
    /// <summary>The last day it may be submitted (Brussels): the extension, else the call's deadline.</summary>
    public DateOnly LastDay => ExtendedUntil is { } e && e > Deadline ? e : Deadline;

    /// <summary>The deadline rule on an injected clock: up to 23:59:59 Brussels time of the last day.</summary>
    public static DeadlineState Of(DateOnly deadline, DateOnly? extendedUntil, string? motivation, DateTime nowUtc)
    {
        var last = extendedUntil is { } e && e > deadline ? e : deadline;
        var lastMomentUtc = BrusselsClock.StartOfDayUtc(last.AddDays(1)).AddTicks(-1);
        return new(deadline, extendedUntil, motivation, lastMomentUtc, nowUtc > lastMomentUtc);
    }

    public bool PastCallDeadline(DateTime nowUtc) => nowUtc > BrusselsClock.StartOfDayUtc(Deadline.AddDays(1)).AddTicks(-1);
}

/// <summary>Everything that decides whether a dossier can be submitted, computed from the dossier as it is now.</summary>
public sealed record DossierState(
    Application Application,
    Partnership Partnership,
    PlanPeriod Period,
    PlanCheck Plan,
    PartState Information,
    PartState Commitment,
    PartState PlanPart,
    PartState Eligibility,
    DeadlineState Deadline)
{
    public IReadOnlyList<PartState> Parts => [Information, Commitment, PlanPart];

    /// <summary>Every problem that stops a submission, in the order of the checklist (R8 last).</summary>
    public IReadOnlyList<DossierProblem> Blocking =>
        Parts.Append(Eligibility).SelectMany(p => p.Problems).Where(p => p.Blocking)
            .Concat(Deadline.Passed ? [DeadlineProblem()] : [])
            .ToList();

    public bool CanBeSubmitted => Blocking.Count == 0;

    private DossierProblem DeadlineProblem() => new(
        Rules.R8,
        new(
            $"R8: de indiendatum was {Formats.Date(Deadline.LastDay)} om 23:59:59 (Brusselse tijd){(Deadline.ExtendedUntil is null ? "" : ", met het toegekende uitstel")}; indienen kan niet meer zonder (verder) uitstel van het departement.",
            $"R8: the deadline was {Formats.Date(Deadline.LastDay)} at 23:59:59 (Brussels time){(Deadline.ExtendedUntil is null ? "" : ", with the extension granted")}; submitting is no longer possible without a (further) extension from the department."),
        DossierPart.Deadline);
}

/// <summary>The completeness rules of a dossier (R7 with R1–R6, R10–R12 and R8), pure: the service gathers the inputs.</summary>
public static class DossierCheck
{
    public static DossierState Evaluate(Application a, Partnership p, PlanPeriod period, EligibilityResult? eligibility, DateOnly deadline, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(period);
        var actions = a.Actions.OrderBy(x => x.Position).ToList();
        var plan = PlanRules.Check(actions.Select(x => ApplicationService.ToPlanAction(x.Values, x.Position)).ToList(), period);
        return new DossierState(
            a,
            p,
            period,
            plan,
            new PartState(DossierPart.Information, true, InformationProblems(a, p)),
            new PartState(DossierPart.Commitment, NeedsCommitment(p), CommitmentProblems(a, p)),
            new PartState(DossierPart.Plan, true, PlanProblems(actions, plan)),
            new PartState(DossierPart.Eligibility, true, EligibilityProblems(eligibility, p)),
            DeadlineOf(a, deadline, nowUtc));
    }

    /// <summary>
    /// R8 for this dossier: the call's deadline, moved by an extension the department granted, and, while changes are
    /// requested, by the response date it gave (the partnership resubmits by then, whatever the call's deadline).
    /// </summary>
    public static DeadlineState DeadlineOf(Application a, DateOnly deadline, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(a);
        var response = a.Status == ApplicationStatus.ChangesRequested ? a.ResponseDue : null;
        var (until, why) = (a.ExtendedUntil, response) switch
        {
            ({ } e, { } r) when r > e => (r, (string?)"Antwoordtermijn van de gevraagde aanpassing"),
            ({ } e, _) => (e, a.ExtensionMotivation),
            (null, { } r) => (r, "Antwoordtermijn van de gevraagde aanpassing"),
            _ => ((DateOnly?)null, (string?)null),
        };
        return DeadlineState.Of(deadline, until, why, nowUtc);
    }

    /// <summary>R7b: only new partnerships and existing ones that changed hand in a commitment statement.</summary>
    public static bool NeedsCommitment(Partnership p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return p.Status is PartnershipStatus.New or PartnershipStatus.Changed;
    }

    private static List<DossierProblem> InformationProblems(Application a, Partnership p)
    {
        var problems = new List<DossierProblem>();
        void Missing(string field, string nl, string en) =>
            problems.Add(new(Rules.R7, new($"R7a: {nl} ontbreekt.", $"R7a: {en} is missing."), DossierPart.Information, field));

        if (a.BbcUser is null)
        {
            Missing("bbcUser", "of het regieverband met BBC werkt", "whether the partnership works with BBC");
        }

        if (a.BeneficiaryKbo is null)
        {
            Missing("beneficiaryKbo", "het KBO-nummer van de begunstigde", "the beneficiary's KBO number");
        }

        if (a.Iban is null)
        {
            Missing("iban", "het rekeningnummer (IBAN) van de begunstigde", "the beneficiary's bank account (IBAN)");
        }

        if (a.WijkWerken is null)
        {
            Missing("wijkWerken", "of wijk-werken deel uitmaakt van het gebied", "whether wijk-werken is part of the area");
        }

        if (a.RegisseurName is null || a.RegisseurEmail is null)
        {
            Missing("regisseurName", "de naam en het e-mailadres van de regisseur", "the regisseur's name and e-mail address");
        }

        if (a.SignatoryName is null || a.SignatoryEmail is null)
        {
            Missing("signatoryName", "de naam en het e-mailadres van de ondertekenaar", "the signatory's name and e-mail address");
        }

        if (p.Kind == PartnershipKind.InterlocalAssociation && p.ManagingNisCode is null)
        {
            problems.Add(new(Rules.R4, new("R4: een interlokale vereniging duidt een beherende gemeente aan.", "R4: an interlocal association designates a managing municipality."), DossierPart.Information, "managingMunicipality"));
        }

        if (p.Status == PartnershipStatus.Changed && string.IsNullOrWhiteSpace(p.ChangeMotivation))
        {
            problems.Add(new(Rules.R6, new("R6: een gewijzigd regieverband motiveert de wijziging.", "R6: a changed partnership motivates the change."), DossierPart.Information, "changeMotivation"));
        }

        return problems;
    }

    private static List<DossierProblem> CommitmentProblems(Application a, Partnership p)
    {
        if (!NeedsCommitment(p))
        {
            return [];
        }

        return p.Members.Where(m => a.Commitments.All(c => c.NisCode != m.NisCode))
            .Select(m => new DossierProblem(
                Rules.R7,
                new($"R7b: de ondertekende verbintenisverklaring van lid {m.NisCode.Value} ontbreekt.", $"R7b: the signed commitment statement of member {m.NisCode.Value} is missing."),
                DossierPart.Commitment,
                m.NisCode.Value))
            .ToList();
    }

    private static List<DossierProblem> PlanProblems(List<PlannedAction> actions, PlanCheck plan)
    {
        var problems = new List<DossierProblem>();
        if (actions.Count == 0)
        {
            problems.Add(new(Rules.R7, new("R7c: het meerjarenplan heeft nog geen acties.", "R7c: the multi-year plan has no actions yet."), DossierPart.Plan));
        }

        var byPosition = actions.ToDictionary(x => x.Position, x => x.Id);
        foreach (var f in plan.Findings)
        {
            problems.Add(new(
                f.Rule,
                f.Message,
                DossierPart.Plan,
                f.Field,
                f.Row is { } position && byPosition.TryGetValue(position, out var id) ? id : null,
                f.Severity == FindingSeverity.Violation));
        }

        return problems;
    }

    private static List<DossierProblem> EligibilityProblems(EligibilityResult? eligibility, Partnership p)
    {
        if (eligibility is null)
        {
            return [new(Rules.R1, new($"R1–R6: regieverband '{p.Name}' kon niet beoordeeld worden voor deze oproep.", $"R1–R6: partnership '{p.Name}' could not be judged for this call."), DossierPart.Eligibility)];
        }

        return eligibility.Findings.Select(f => new DossierProblem(f.Rule, f.Message, DossierPart.Eligibility, Blocking: f.Severity == Severity.Violation)).ToList();
    }
}
