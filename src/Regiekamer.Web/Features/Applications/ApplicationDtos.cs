using System.Globalization;
using Regiekamer.Core.Applications;
using Regiekamer.Core.Applications.Plan;
using Regiekamer.Core.Common;
using Regiekamer.Web.Infrastructure;

namespace Regiekamer.Web.Features.Applications;

/// <summary>Starts a partnership's dossier for a call. The partnership gate judges the partnership named here.</summary>
public sealed record StartApplicationRequest(int PartnershipId, int CallId) : IPartnershipRequest;

public sealed record ApplicationSummaryDto(
    int Id,
    string DossierNumber,
    int PartnershipId,
    string PartnershipName,
    int CallId,
    string CallCode,
    string Status,
    DateTimeOffset StatusSince,
    DateTimeOffset UpdatedAt,
    int SubmittedVersions,
    int Actions,
    string? ResponseDue,
    string? ExtendedUntil)
{
    public static ApplicationSummaryDto Of(ApplicationSummary s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(
            s.Id, s.DossierNumber, s.PartnershipId, s.PartnershipName, s.CallId, s.CallCode, s.Status.Code(),
            BrusselsClock.InBrussels(s.StatusSinceUtc), BrusselsClock.InBrussels(s.UpdatedAtUtc), s.SubmittedVersions, s.Actions,
            s.ResponseDue is { } r ? ApplicationContent.Date(r) : null, s.ExtendedUntil is { } e ? ApplicationContent.Date(e) : null);
    }
}

public sealed record ContactDto(string? Name, string? Email, string? Phone)
{
    public static ContactDto Of(ContactPerson c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(c.Name, c.Email, c.Phone);
    }

    public ContactInput ToInput() => new(Name, Email, Phone);
}

/// <summary>The information form (R7a) as the API reads and writes it; <see cref="Version"/> is the form's version.</summary>
public sealed record InformationDto(bool? BbcUser, string? BeneficiaryKbo, string? Iban, ContactDto Regisseur, ContactDto Signatory, bool? WijkWerken, int Version);

/// <summary>The information form to save: <see cref="Version"/> is the form's version that was read (409 when someone else saved since).</summary>
public sealed record InformationRequest(bool? BbcUser, string? BeneficiaryKbo, string? Iban, ContactDto? Regisseur, ContactDto? Signatory, bool? WijkWerken, int? Version)
{
    public InformationInput ToInput() => new(BbcUser, BeneficiaryKbo, Iban, Regisseur?.ToInput(), Signatory?.ToInput(), WijkWerken);
}

public sealed record ProblemDto(string Rule, string Message, string MessageEn, string? Field, int? ActionId, bool Blocking)
{
    public static ProblemDto Of(DossierProblem p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.Rule, p.Message.Nl, p.Message.En, p.Field, p.ActionId, p.Blocking);
    }
}

/// <summary>A part of the dossier (information, commitment, plan) and whether it is complete.</summary>
public sealed record PartDto(string Part, bool Required, bool Complete, IReadOnlyList<ProblemDto> Problems)
{
    public static PartDto Of(PartState s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(ApplicationsApi.PartCode(s.Part), s.Required, s.Complete, s.Problems.Select(ProblemDto.Of).ToList());
    }
}

public sealed record DeadlineDto(string Deadline, string? ExtendedUntil, string? ExtensionMotivation, string LastDay, DateTimeOffset LastMoment, bool Passed);

/// <summary>One action (R11); amounts per year as "35000.00", a year without an amount is a year the action does not run.</summary>
public sealed record ActionDto(int Id, int Version, int Position, string? PolicyGoal, string? ActionPlan, string ShortDescription, string? LongDescription, string? Comment, string Code, IReadOnlyDictionary<string, string> Amounts)
{
    public static ActionDto Of(PlannedAction x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return new(x.Id, x.Version, x.Position, x.PolicyGoal, x.ActionPlan, x.ShortDescription, x.LongDescription, x.Comment, x.Code, AmountsOf(x.Amounts));
    }

    public static Dictionary<string, string> AmountsOf(YearAmounts amounts)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        return amounts.ToInvariantDictionary();
    }
}

/// <summary>An action to add or save. Amounts: year → "35000.00" or "35.000,00" (null or empty: not that year). <see cref="Version"/>: the action's version that was read (409 when someone else saved since).</summary>
public sealed record ActionRequest(string? PolicyGoal, string? ActionPlan, string? ShortDescription, string? LongDescription, string? Comment, string? Code, Dictionary<string, string?>? Amounts, int? Version)
{
    public ActionInput? ToInput(out Core.Common.DomainError? error)
    {
        var amounts = new Dictionary<int, string?>();
        foreach (var (key, value) in Amounts ?? [])
        {
            if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            {
                error = Core.Common.DomainError.Invalid("validation", $"Bedragen: '{key}' is geen jaar.", $"Amounts: '{key}' is not a year.", "amounts");
                return null;
            }

            amounts[year] = value;
        }

        error = null;
        return new ActionInput(PolicyGoal, ActionPlan, ShortDescription, LongDescription, Comment, Code, amounts);
    }
}

/// <summary>The plan's check: the priority × year grid (R10) and the totals per year.</summary>
public sealed record PlanDto(IReadOnlyList<ActionDto> Actions, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Coverage, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Planned, IReadOnlyDictionary<string, string> Totals)
{
    public static PlanDto Of(IEnumerable<PlannedAction> actions, PlanCheck check)
    {
        ArgumentNullException.ThrowIfNull(actions);
        ArgumentNullException.ThrowIfNull(check);
        var years = check.Period.Years;
        return new(
            actions.OrderBy(a => a.Position).Select(ActionDto.Of).ToList(),
            years.ToDictionary(y => Year(y), y => (IReadOnlyDictionary<string, int>)PriorityCode.All.ToDictionary(p => p.ToString(), p => check.Actions(y, p))),
            years.ToDictionary(y => Year(y), y => (IReadOnlyDictionary<string, string>)PriorityCode.All.ToDictionary(p => p.ToString(), p => check.Amount(y, p).ToInvariantString())),
            years.ToDictionary(y => Year(y), y => check.Total(y).ToInvariantString()));
    }

    private static string Year(int y) => y.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A dossier with its parts' completeness, its plan and every problem that blocks a submission.</summary>
public sealed record ApplicationDto(
    int Id,
    string DossierNumber,
    int PartnershipId,
    string PartnershipName,
    int CallId,
    string Status,
    int Version,
    int SubmittedVersions,
    DateTimeOffset UpdatedAt,
    InformationDto Information,
    IReadOnlyList<PartDto> Parts,
    PartDto Eligibility,
    DeadlineDto Deadline,
    PlanDto Plan,
    IReadOnlyList<ProblemDto> Blocking,
    bool CanBeSubmitted,
    string? ResponseDue);

public sealed record PlanFindingDto(string Rule, string Severity, int? Row, string? Field, string Message, string MessageEn)
{
    public static PlanFindingDto Of(PlanFinding f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return new(f.Rule, f.Severity == FindingSeverity.Violation ? "violation" : "warning", f.Row, f.Field, f.Message.Nl, f.Message.En);
    }
}

/// <summary>A plan file read into the dossier: how many actions, the warnings it gave, and the plan's grid.</summary>
public sealed record PlanImportDto(int Actions, IReadOnlyList<PlanFindingDto> Findings, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Coverage, IReadOnlyDictionary<string, string> Totals);

public sealed record AttachmentDto(int Id, string Kind, string FileName, long Length, string Sha256, DateTimeOffset UploadedAt, string? Member, string? CouncilDecisionDate);

/// <summary>The receipt (ontvangstbewijs) of a submission: the time is Brussels time, the hash the SHA-256 of the frozen version.</summary>
public sealed record ReceiptDto(string DossierNumber, int Version, DateTimeOffset SubmittedAt, string SubmittedAtBrussels, string Sha256, string Partnership, string Call, int CallVersion, bool UnderExtension)
{
    public static ReceiptDto Of(Receipt r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.DossierNumber, r.Version, BrusselsClock.InBrussels(r.SubmittedAtUtc), BrusselsClock.Display(r.SubmittedAtUtc), r.Sha256, r.PartnershipName, r.CallCode, r.CallVersion, r.UnderExtension);
    }
}

public sealed record SubmitRequest(int? Version);

public sealed record SubmissionDto(int Version, string Status, ReceiptDto Receipt);

public sealed record VersionDto(int Number, DateTimeOffset SubmittedAt, string Sha256, bool UnderExtension, ReceiptDto Receipt, ApplicationContent Content);

public sealed record DiffEntryDto(string Section, string? Item, string Field, string FieldEn, string Change, string? Old, string? New);

public sealed record DiffDto(int From, int To, IReadOnlyList<DiffEntryDto> Changes);

public sealed record ExtensionRequest(string? Until, string? Motivation);

public sealed record CheckRequest(string? Check, string? Verdict, string? Note);

public sealed record CheckDto(int Version, string Check, string Verdict, string? Note, DateTimeOffset ReviewedAt);

public sealed record DecisionRequest(string? Decision, string? Motivation, string? Rules, string? Points, string? ResponseDue);

public sealed record DecisionDto(int Id, int Version, string Decision, string Motivation, IReadOnlyList<string> Rules, IReadOnlyList<string> Points, string? ResponseDue, DateTimeOffset DecidedAt)
{
    public static DecisionDto Of(ApplicationDecision d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(
            d.Id, d.VersionNumber, ReviewService.Code(d.Kind), d.Motivation,
            (d.Rules ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries),
            (d.Points ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries),
            d.ResponseDue is { } r ? ApplicationContent.Date(r) : null,
            BrusselsClock.InBrussels(d.DecidedAtUtc));
    }
}
