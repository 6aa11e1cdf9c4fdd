using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Regiekamer.Core.Reports;

/// <summary>
/// What a submission of a report hands in, as canonical JSON (the actions in position order with their texts, outcome,
/// reason and cost in cents), and its SHA-256: the receipt's fingerprint. The same report content gives the same bytes.
/// </summary>
public static class ReportContent
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    public static byte[] Json(AnnualReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var content = new
        {
            report = report.Id,
            partnership = report.PartnershipId,
            call = report.CallId,
            year = report.Year,
            version = report.SubmittedVersions,
            bbc = report.BbcRoute,
            actions = report.Actions.OrderBy(a => a.Position).Select(a => new
            {
                position = a.Position,
                planned = a.PlannedActionId is not null,
                code = a.Code,
                outcome = a.Outcome.ToString(),
                policyGoal = a.PolicyGoal,
                actionPlan = a.ActionPlan,
                shortDescription = a.ShortDescription,
                longDescription = a.LongDescription,
                comment = a.Comment,
                reason = a.NotCarriedOutReason,
                plannedCents = a.PlannedAmount?.Cents,
                costCents = a.Cost?.Cents,
            }),
        };
        return JsonSerializer.SerializeToUtf8Bytes(content, Options);
    }

    public static string Sha256(AnnualReport report) => Convert.ToHexStringLower(SHA256.HashData(Json(report)));

    public static string Text(AnnualReport report) => Encoding.UTF8.GetString(Json(report));
}
