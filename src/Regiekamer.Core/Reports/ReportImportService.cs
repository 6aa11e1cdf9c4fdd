using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Regiekamer.Core.Applications;
using Regiekamer.Core.Applications.Plan;
using Regiekamer.Core.Audit;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;

namespace Regiekamer.Core.Reports;

/// <summary>
/// Imports the actions of a partnership's annual accounts (a file in BBC's action layout, CSV or XLSX, as the plan's)
/// into its year's report (R15), as <see cref="ReportImport"/> maps them: all or nothing, in one transaction with its
/// audit record. BBC users report this way; those on the form route may too.
/// </summary>
public sealed class ReportImportService(RegiekamerDb db, AuditTrail audit, BrusselsClock clock)
{
    /// <summary>The largest file it takes: the plan upload's (<see cref="ApplicationService.MaxPlanFileBytes"/>).</summary>
    public const long MaxFileBytes = ApplicationService.MaxPlanFileBytes;

    /// <summary>
    /// Replaces the report's actions with the file's, with the report's version read: 404 without the report; 409 when
    /// its status does not allow changes or someone changed it since; 400 for a file that cannot be read or is too
    /// large; 422 naming every row, column and rule (R11, R12, R15) of a file with bad rows. Refused, nothing changes.
    /// </summary>
    public async Task<Result<AnnualReport>> ImportAsync(int reportId, Stream file, string fileName, int expectedReportVersion, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(fileName);
        db.ChangeTracker.Clear();
        var report = await db.AnnualReports.FirstOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null)
        {
            return ReportService.NotFound(reportId);
        }

        if (!ReportRules.Allows(report.Status, ReportStep.Edit))
        {
            return ReportService.Editable(report);
        }

        if (report.Version != expectedReportVersion)
        {
            return Stale();
        }

        var bytes = await ReadAsync(file, ct);
        if (bytes is null)
        {
            return DomainError.Invalid("file-too-large", $"Het bestand is groter dan {MaxFileBytes / 1024 / 1024} MB.", $"The file is larger than {MaxFileBytes / 1024 / 1024} MB.", "file");
        }

        using var content = new MemoryStream(bytes, writable: false);
        var read = PlanFile.Read(content, fileName, new PlanPeriod(report.Year, report.Year));
        var mapped = ReportImport.Map(report.Year, report.Actions, read);
        if (!mapped.IsSuccess)
        {
            return Result<AnnualReport>.Fail(mapped.Errors);
        }

        var mapping = mapped.Value!;
        Apply(report, mapping);
        db.ExpectVersion(report, expectedReportVersion);
        report.Touch(clock.UtcNow);
        audit.Record(new ReportActionsImported(report.Id, new ReportImportSnapshot(
            Path.GetFileName(fileName), Convert.ToHexStringLower(SHA256.HashData(bytes)), mapping.Updated, mapping.Unplanned, mapping.NotCarriedOut)));
        try
        {
            // One save: the actions, the report and the audit record in one transaction (RegiekamerDb).
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Stale();
        }

        return Result<AnnualReport>.Ok(report);
    }

    /// <summary>The planned actions updated in place (their ids and planned amounts stay); the unplanned ones replaced by the file's, after them.</summary>
    private void Apply(AnnualReport report, ReportImportMapping mapping)
    {
        foreach (var old in report.Actions.Where(a => a.PlannedActionId is null).ToList())
        {
            report.Actions.Remove(old);
            db.ReportedActions.Remove(old);
        }

        var position = report.Actions.Count == 0 ? 0 : report.Actions.Max(a => a.Position);
        foreach (var imported in mapping.Actions)
        {
            var action = imported.Planned ?? new ReportedAction { Position = ++position, Version = 1 };
            action.PolicyGoal = imported.PolicyGoal;
            action.ActionPlan = imported.ActionPlan;
            action.ShortDescription = imported.ShortDescription;
            action.LongDescription = imported.LongDescription;
            action.Comment = imported.Comment;
            action.Code = imported.Code;
            action.Outcome = imported.Outcome;
            action.NotCarriedOutReason = imported.Reason;
            action.Cost = imported.Cost;
            if (imported.Planned is null)
            {
                report.Actions.Add(action);
            }
        }
    }

    /// <summary>The whole stream, or null as soon as it is larger than <see cref="MaxFileBytes"/>.</summary>
    private static async Task<byte[]?> ReadAsync(Stream file, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int count;
        while ((count = await file.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, count);
            if (buffer.Length > MaxFileBytes)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }

    private static DomainError Stale() => DomainError.Conflict(
        "concurrency",
        "Iemand anders wijzigde dit jaarverslag intussen; herlaad en probeer opnieuw.",
        "Someone else changed this annual report in the meantime; reload and try again.");
}
