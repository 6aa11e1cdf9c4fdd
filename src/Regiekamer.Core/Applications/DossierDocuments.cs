using Microsoft.EntityFrameworkCore;
using Regiekamer.Core.Applications.Documents;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.Partnerships;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Core.Applications;

/// <summary>A document to hand out: its bytes, content type and file name.</summary>
public sealed record DossierDocument(byte[] Bytes, string ContentType, string FileName);

/// <summary>
/// The dossier's legal documents, gathered from the database for the pure builders in <c>Documents/</c>: the receipt
/// and the whole version as PDFs, the version's bundle (ZIP), the decision letter, and the commitment statement for
/// the partnership as it is composed now.
/// </summary>
public sealed class DossierDocuments(RegiekamerDb db, SubmissionService submissions, ReviewService reviews, CallService calls, PartnershipService partnerships, ReferenceDataService data, BrusselsClock clock)
{
    public const string Pdf = "application/pdf";

    public async Task<Result<DossierDocument>> ReceiptAsync(int id, int number, CancellationToken ct = default)
    {
        var version = await submissions.VersionAsync(id, number, ct);
        return version.IsSuccess
            ? Result<DossierDocument>.Ok(new(ReceiptPdf.Create(version.Value!.Receipt, version.Value.Content), Pdf, $"{version.Value.Receipt.DossierNumber}-ontvangstbewijs-versie-{number}.pdf"))
            : Result<DossierDocument>.Fail(version.Errors);
    }

    public async Task<Result<DossierDocument>> VersionAsync(int id, int number, CancellationToken ct = default)
    {
        var version = await submissions.VersionAsync(id, number, ct);
        return version.IsSuccess
            ? Result<DossierDocument>.Ok(new(VersionPdf.Create(version.Value!.Content, version.Value.Receipt), Pdf, $"{version.Value.Receipt.DossierNumber}-versie-{number}.pdf"))
            : Result<DossierDocument>.Fail(version.Errors);
    }

    /// <summary>The version as one ZIP: its PDF, receipt, plan (CSV, XLSX), attachments, review and decisions so far, and its canonical JSON.</summary>
    public async Task<Result<DossierDocument>> BundleAsync(int id, int number, CancellationToken ct = default)
    {
        var version = await submissions.VersionAsync(id, number, ct);
        if (!version.IsSuccess)
        {
            return Result<DossierDocument>.Fail(version.Errors);
        }

        var attachments = await db.ApplicationAttachments.AsNoTracking().Where(a => a.ApplicationId == id).OrderBy(a => a.Id).ToListAsync(ct);
        var checks = await reviews.ChecksAsync(id, number, ct);
        var decisions = await reviews.DecisionsAsync(id, ct);
        var bytes = DossierBundle.Create(version.Value!, attachments, checks, decisions, clock.Now);
        return Result<DossierDocument>.Ok(new(bytes, "application/zip", DossierBundle.FileName(version.Value!.Receipt)));
    }

    public async Task<Result<DossierDocument>> DecisionLetterAsync(int id, int decisionId, CancellationToken ct = default)
    {
        var decision = (await reviews.DecisionsAsync(id, ct)).FirstOrDefault(d => d.Id == decisionId);
        if (decision is null)
        {
            return DomainError.NotFound($"Beslissing {decisionId} bestaat niet in dit dossier.", $"Decision {decisionId} does not exist in this dossier.");
        }

        var version = await submissions.VersionAsync(id, decision.VersionNumber, ct);
        return version.IsSuccess
            ? Result<DossierDocument>.Ok(new(DecisionLetterPdf.Create(decision, version.Value!.Content, version.Value.Receipt), Pdf, $"{version.Value.Receipt.DossierNumber}-beslissing-{decisionId}.pdf"))
            : Result<DossierDocument>.Fail(version.Errors);
    }

    /// <summary>The commitment statement's text for the dossier's partnership as it is composed now.</summary>
    public async Task<Result<CommitmentStatementText>> CommitmentStatementAsync(Application application, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(application);
        var call = await calls.GetAsync(application.CallId, ct);
        var partnership = await partnerships.GetAsync(application.PartnershipId, ct);
        if (call is null || partnership is null)
        {
            return ApplicationService.NotFound(application.Id);
        }

        var snapshot = await data.SnapshotAsync(partnership.MunicipalitySet, ct: ct);
        return Result<CommitmentStatementText>.Ok(CommitmentStatementText.For(ContentPartnership.Of(partnership, snapshot), ContentCall.Of(call, call.CurrentVersion)));
    }

    /// <summary>Every plan of a call's dossiers in BBC's layout, each action preceded by its dossier number and partnership (the department's export).</summary>
    public async Task<Result<DossierDocument>> AllPlansAsync(int callId, bool xlsx, CancellationToken ct = default)
    {
        var call = await calls.GetAsync(callId, ct);
        if (call is null)
        {
            return CallService.CallNotFound(callId);
        }

        var dossiers = await db.Applications.AsNoTracking().AsSplitQuery().Where(a => a.CallId == callId).OrderBy(a => a.Number).ToListAsync(ct);
        var names = (await partnerships.ListAsync(ct)).ToDictionary(p => p.Id, p => p.Name);
        var actions = new List<Plan.PlanAction>();
        var leading = new List<IReadOnlyList<string>>();
        foreach (var a in dossiers)
        {
            foreach (var x in a.Actions.OrderBy(x => x.Position))
            {
                actions.Add(ApplicationService.ToPlanAction(x.Values, x.Position));
                leading.Add([a.DossierNumber, names.GetValueOrDefault(a.PartnershipId, ""), a.Status.Code()]);
            }
        }

        var columns = new Plan.LeadingColumns(["Dossier", "Regieverband", "Status"], leading);
        using var stream = new MemoryStream();
        if (xlsx)
        {
            Plan.PlanFile.WriteXlsx(stream, actions, ApplicationService.PeriodOf(call), columns);
        }
        else
        {
            Plan.PlanFile.WriteCsv(stream, actions, ApplicationService.PeriodOf(call), columns);
        }

        return Result<DossierDocument>.Ok(new(
            stream.ToArray(),
            xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8",
            $"meerjarenplannen-{call.Code}.{(xlsx ? "xlsx" : "csv")}"));
    }

    public async Task<Result<DossierDocument>> CommitmentStatementPdfAsync(Application application, CancellationToken ct = default)
    {
        var text = await CommitmentStatementAsync(application, ct);
        return text.IsSuccess
            ? Result<DossierDocument>.Ok(new(CommitmentStatementPdf.Create(text.Value!, clock.Now), Pdf, $"{application.DossierNumber}-verbintenisverklaring.pdf"))
            : Result<DossierDocument>.Fail(text.Errors);
    }
}
