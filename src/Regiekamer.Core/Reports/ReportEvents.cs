using Regiekamer.Core.Audit;
using Regiekamer.Core.Common;

namespace Regiekamer.Core.Reports;

// What the audit trail keeps of a year's report: every event on the report ("AnnualReport", its id).

/// <summary>The report as it starts.</summary>
[Audited(ReportService.AuditEntity, "Jaarverslag", "Annual report")]
public sealed record AnnualReportSnapshot(
    [property: Label("Regieverband", "Partnership")] int PartnershipId,
    [property: Label("Jaar", "Year")] int Year,
    [property: Label("Aanvraag", "Application")] int ApplicationId,
    [property: Label("Via BBC", "Through BBC")] bool BbcRoute,
    [property: Label("Acties", "Actions")] int Actions,
    [property: Label("Status", "Status")] string Status,
    [property: Label("Motivering van de beoordeling", "Motivation of the evaluation")] string? EvaluationMotivation = null,
    [property: Label("Antwoord tegen", "Response due")] string? ResponseDue = null,
    [property: Label("Beoordeling per prioriteit", "Evaluation per priority")] string? Priorities = null,
    [property: Label("SHA-256 van de ingediende inhoud", "SHA-256 of the submitted content")] string? SubmittedSha256 = null) : IAuditSnapshot
{
    public static AnnualReportSnapshot Of(AnnualReport r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var priorities = r.PriorityEvaluations.Count == 0 ? null : string.Join("; ", r.PriorityEvaluations.OrderBy(p => p.Code, StringComparer.Ordinal).Select(p => $"{p.Code}: {(p.Sufficient ? "voldoende" : "onvoldoende")}{(p.Remarks is null ? "" : " — " + p.Remarks)}"));
        return new(r.PartnershipId, r.Year, r.ApplicationId, r.BbcRoute, r.Actions.Count, r.Status.ToString(), r.EvaluationMotivation, r.ResponseDue?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), priorities, r.SubmittedSha256);
    }
}

/// <summary>More time for a partnership's report on a year (R15).</summary>
[Audited(ReportService.ExtensionAuditEntity, "Uitstel jaarverslag", "Annual report extension")]
public sealed record ReportExtensionSnapshot(
    [property: Label("Oproep", "Call")] int CallId,
    [property: Label("Regieverband", "Partnership")] int PartnershipId,
    [property: Label("Jaar", "Year")] int Year,
    [property: Label("Tot en met", "Until")] string Until,
    [property: Label("Reden", "Reason")] string Reason) : IAuditSnapshot
{
    public static ReportExtensionSnapshot Of(ReportExtension e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.CallId, e.PartnershipId, e.Year, e.Until.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), e.Reason);
    }
}

public sealed record ReportExtensionGranted(int ExtensionId, ReportExtensionSnapshot Extension)
    : Created<ReportExtensionSnapshot>(KeyOf(ExtensionId), Extension);

public sealed record ReportExtensionMoved(int ExtensionId, ReportExtensionSnapshot Old, ReportExtensionSnapshot New)
    : Changed<ReportExtensionSnapshot>(KeyOf(ExtensionId), AuditActions.Updated, Old, New);

/// <summary>One action as reported.</summary>
[Audited(ReportService.AuditEntity, "Jaarverslag", "Annual report")]
public sealed record ReportedActionSnapshot(
    [property: Label("Actie", "Action")] int ActionId,
    [property: Label("Actie omschrijving", "Short description")] string ShortDescription,
    [property: Label("Actie lange omschrijving", "Long description")] string? LongDescription,
    [property: Label("Actie commentaar", "Comment")] string? Comment,
    [property: Label("Code", "Code")] string Code,
    [property: Label("Uitgevoerd", "Outcome")] string Outcome,
    [property: Label("Reden niet uitgevoerd", "Why not carried out")] string? Reason,
    [property: Label("Kosten (EUR)", "Cost (EUR)")] string? Cost) : IAuditSnapshot
{
    public static ReportedActionSnapshot Of(ReportedAction a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new(a.Id, a.ShortDescription, a.LongDescription, a.Comment, a.Code, a.Outcome.ToString(), a.NotCarriedOutReason, a.Cost?.ToInvariantString());
    }
}

public static class ReportAuditActions
{
    [Label("Ingediend", "Submitted")]
    public const string Submitted = "ReportSubmitted";

    [Label("Beoordeeld", "Evaluated")]
    public const string Evaluated = "ReportEvaluated";

    [Label("Actie gerapporteerd", "Action reported")]
    public const string ActionUpdated = "ReportActionUpdated";

    [Label("Niet geplande actie toegevoegd", "Unplanned action added")]
    public const string ActionAdded = "ReportActionAdded";
}

public sealed record AnnualReportStarted(int ReportId, AnnualReportSnapshot Report)
    : Created<AnnualReportSnapshot>(KeyOf(ReportId), Report);

public sealed record ReportedActionUpdated(int ReportId, ReportedActionSnapshot Old, ReportedActionSnapshot New)
    : PartChanged<ReportedActionSnapshot>(KeyOf(ReportId), ReportAuditActions.ActionUpdated, Old, New);

public sealed record ReportedActionAdded(int ReportId, ReportedActionSnapshot Added)
    : PartChanged<ReportedActionSnapshot>(KeyOf(ReportId), ReportAuditActions.ActionAdded, null, Added);

public sealed record AnnualReportMoved(int ReportId, string ChangeAction, AnnualReportSnapshot Old, AnnualReportSnapshot New)
    : Changed<AnnualReportSnapshot>(KeyOf(ReportId), ChangeAction, Old, New);
