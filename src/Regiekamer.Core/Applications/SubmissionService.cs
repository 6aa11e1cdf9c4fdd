using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Regiekamer.Core.Audit;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.Evaluation;
using Regiekamer.Core.Notifications;
using Regiekamer.Core.Partnerships;

namespace Regiekamer.Core.Applications;

/// <summary>The receipt of a submission (ontvangstbewijs): the dossier number, the moment in Brussels, the version and its hash.</summary>
public sealed record Receipt(
    int ApplicationId,
    string DossierNumber,
    int Version,
    DateTime SubmittedAtUtc,
    string Sha256,
    string PartnershipName,
    string CallCode,
    int CallVersion,
    bool UnderExtension);

/// <summary>A submitted version as it was frozen, with its receipt.</summary>
public sealed record SubmittedVersion(ApplicationVersion Stored, ApplicationContent Content, Receipt Receipt);

/// <summary>
/// Checking a dossier and handing it in: the checklist and every blocking problem (R7 with R1–R6, R10–R12, R8), the
/// submission that freezes a numbered version with its SHA-256 and gives a receipt, the versions afterwards and the
/// differences between them, and withdrawing.
/// </summary>
public sealed class SubmissionService(
    RegiekamerDb db,
    CallService calls,
    PartnershipService partnerships,
    CallEvaluationService evaluations,
    AuditTrail audit,
    NotificationService notifications,
    BrusselsClock clock)
{
    /// <summary>Everything that decides whether the dossier can be submitted now.</summary>
    public async Task<Result<DossierState>> StateAsync(Application application, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(application);
        var inputs = await InputsAsync(application, ct);
        if (!inputs.IsSuccess)
        {
            return Result<DossierState>.Fail(inputs.Errors);
        }

        var (call, partnership, evaluation) = inputs.Value!;
        return Result<DossierState>.Ok(DossierCheck.Evaluate(
            application,
            partnership,
            ApplicationService.PeriodOf(call),
            evaluation.Of(partnership.Id)?.Result,
            evaluation.Version.Deadline,
            clock.UtcNow));
    }

    /// <summary>The state of every dossier of a call, judged on the same evaluation (the department's overview).</summary>
    public async Task<Result<IReadOnlyList<DossierState>>> StatesAsync(IReadOnlyList<Application> dossiers, int callId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(dossiers);
        var call = await calls.GetAsync(callId, ct);
        if (call is null)
        {
            return CallService.CallNotFound(callId);
        }

        var evaluation = await evaluations.EvaluateAsync(call.Id, call.DefaultJudgementDate(clock.Today), ct);
        if (!evaluation.IsSuccess)
        {
            return Result<IReadOnlyList<DossierState>>.Fail(evaluation.Errors);
        }

        var now = clock.UtcNow;
        var states = new List<DossierState>();
        foreach (var a in dossiers)
        {
            if (evaluation.Value!.Of(a.PartnershipId)?.Partnership is { } partnership)
            {
                states.Add(DossierCheck.Evaluate(a, partnership, ApplicationService.PeriodOf(call), evaluation.Value.Of(a.PartnershipId)?.Result, evaluation.Value.Version.Deadline, now));
            }
        }

        return Result<IReadOnlyList<DossierState>>.Ok(states);
    }

    private async Task<Result<(Call Call, Partnership Partnership, CallEvaluation Evaluation)>> InputsAsync(Application application, CancellationToken ct)
    {
        var call = await calls.GetAsync(application.CallId, ct);
        if (call is null)
        {
            return CallService.CallNotFound(application.CallId);
        }

        var partnership = await partnerships.GetAsync(application.PartnershipId, ct);
        if (partnership is null)
        {
            return DomainError.NotFound($"Regieverband {application.PartnershipId} bestaat niet.", $"Partnership {application.PartnershipId} does not exist.");
        }

        var evaluation = await evaluations.EvaluateAsync(call.Id, call.DefaultJudgementDate(clock.Today), ct);
        return evaluation.IsSuccess
            ? Result<(Call, Partnership, CallEvaluation)>.Ok((call, partnership, evaluation.Value!))
            : Result<(Call, Partnership, CallEvaluation)>.Fail(evaluation.Errors);
    }

    /// <summary>
    /// Submits the dossier: only from draft or changes-requested, only when nothing blocks (every problem is returned,
    /// each with its rule: 422), and only if nobody changed it since <paramref name="expectedVersion"/> (when given) or
    /// while it was being checked (409). Freezes version N with its SHA-256 and the call version and reference data
    /// it was checked against.
    /// </summary>
    public async Task<Result<SubmittedVersion>> SubmitAsync(int id, int? expectedVersion = null, CancellationToken ct = default)
    {
        var application = await db.Applications.AsSplitQuery().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
        {
            return ApplicationService.NotFound(id);
        }

        var transition = ApplicationLifecycle.Transition(application.Status, ApplicationAction.Submit);
        if (!transition.IsSuccess)
        {
            return Result<SubmittedVersion>.Fail(transition.Errors);
        }

        if (expectedVersion is { } expected && expected != application.Version)
        {
            return Changed(application);
        }

        var inputs = await InputsAsync(application, ct);
        if (!inputs.IsSuccess)
        {
            return Result<SubmittedVersion>.Fail(inputs.Errors);
        }

        var (call, partnership, evaluation) = inputs.Value!;
        var now = clock.UtcNow;
        var state = DossierCheck.Evaluate(application, partnership, ApplicationService.PeriodOf(call), evaluation.Of(partnership.Id)?.Result, evaluation.Version.Deadline, now);
        if (!state.CanBeSubmitted)
        {
            return Result<SubmittedVersion>.Fail(state.Blocking.Select(ToError).ToList());
        }

        var attachments = await db.ApplicationAttachments.AsNoTracking().Where(x => x.ApplicationId == id)
            .Select(x => new ApplicationAttachment { Id = x.Id, FileName = x.FileName, Sha256 = x.Sha256 })
            .ToDictionaryAsync(x => x.Id, ct);
        var number = application.SubmittedVersions + 1;
        var content = ApplicationContent.Of(application, number, call, evaluation.Version, partnership, evaluation.Snapshot, attachments, evaluation.On);
        var json = content.ToJson();
        var stored = new ApplicationVersion
        {
            ApplicationId = id,
            Number = number,
            Content = json,
            Sha256 = ApplicationContent.Sha256Of(json),
            Contacts = ContactsJson(application),
            CallVersionId = evaluation.Version.Id,
            SubmittedAtUtc = now,
            UnderExtension = state.Deadline.PastCallDeadline(now),
        };
        application.RecordSubmission(now);
        db.ApplicationVersions.Add(stored);
        audit.Record(new ApplicationSubmitted(id, new SubmissionSnapshot(number, stored.Sha256, stored.CallVersionId, stored.UnderExtension, application.Status.Code())));

        // The receipt, to the regisseur, the signatory and the department: saved with the submission, or not at all.
        var receipt = ReceiptOf(stored, content, partnership.Name);
        var recipients = (await notifications.DossierRecipientsAsync(application, ct)).Concat(await notifications.DepartmentRecipientsAsync(ct));
        await notifications.StageAsync(NotificationTexts.Receipt(receipt, partnership.Id), recipients, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Changed(application);
        }

        return Result<SubmittedVersion>.Ok(new SubmittedVersion(stored, content, receipt));
    }

    private static DomainError Changed(Application a) => DomainError.Conflict(
        "concurrency",
        $"Dossier {a.DossierNumber} werd intussen gewijzigd. Bekijk de controles opnieuw en dien dan in.",
        $"Dossier {a.DossierNumber} was changed in the meantime. Look at the checks again, then submit.");

    public static DomainError ToError(DossierProblem p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return DomainError.Rule(p.Rule, p.Message.Nl, p.Message.En, p.Field);
    }

    private static string? ContactsJson(Application a) =>
        a.Regisseur.IsEmpty && a.Signatory.IsEmpty ? null : JsonSerializer.Serialize(new { regisseur = a.Regisseur, signatory = a.Signatory }, JsonSerializerOptions.Web);

    public static Receipt ReceiptOf(ApplicationVersion v, ApplicationContent content, string partnershipName)
    {
        ArgumentNullException.ThrowIfNull(v);
        ArgumentNullException.ThrowIfNull(content);
        return new(v.ApplicationId, content.DossierNumber, v.Number, v.SubmittedAtUtc, v.Sha256, partnershipName, content.Call.Code, content.Call.Version, v.UnderExtension);
    }

    /// <summary>Every submitted version of a dossier, oldest first.</summary>
    public async Task<List<SubmittedVersion>> VersionsAsync(int id, CancellationToken ct = default)
    {
        var versions = await db.ApplicationVersions.AsNoTracking().Where(v => v.ApplicationId == id).OrderBy(v => v.Number).ToListAsync(ct);
        return versions.Select(v =>
        {
            var content = ApplicationContent.FromJson(v.Content);
            return new SubmittedVersion(v, content, ReceiptOf(v, content, content.Partnership.Name));
        }).ToList();
    }

    public async Task<Result<SubmittedVersion>> VersionAsync(int id, int number, CancellationToken ct = default)
    {
        var v = await db.ApplicationVersions.AsNoTracking().FirstOrDefaultAsync(v => v.ApplicationId == id && v.Number == number, ct);
        if (v is null)
        {
            return DomainError.NotFound($"Versie {number} van dossier {id} bestaat niet.", $"Version {number} of dossier {id} does not exist.");
        }

        var content = ApplicationContent.FromJson(v.Content);
        return Result<SubmittedVersion>.Ok(new SubmittedVersion(v, content, ReceiptOf(v, content, content.Partnership.Name)));
    }

    /// <summary>What changed from version <paramref name="from"/> to <paramref name="to"/>, field by field.</summary>
    public async Task<Result<IReadOnlyList<DiffEntry>>> DiffAsync(int id, int from, int to, CancellationToken ct = default)
    {
        var a = await VersionAsync(id, from, ct);
        var b = await VersionAsync(id, to, ct);
        var errors = a.Errors.Concat(b.Errors).ToList();
        return errors.Count > 0
            ? Result<IReadOnlyList<DiffEntry>>.Fail(errors)
            : Result<IReadOnlyList<DiffEntry>>.Ok(ApplicationDiff.Compare(a.Value!.Content, b.Value!.Content));
    }

    /// <summary>The signatory takes the dossier back before a decision.</summary>
    public async Task<Result<Application>> WithdrawAsync(int id, CancellationToken ct = default)
    {
        var application = await db.Applications.IgnoreAutoIncludes().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
        {
            return ApplicationService.NotFound(id);
        }

        var transition = ApplicationLifecycle.Transition(application.Status, ApplicationAction.Withdraw);
        if (!transition.IsSuccess)
        {
            return Result<Application>.Fail(transition.Errors);
        }

        var before = new StatusSnapshot(application.Status.Code());
        application.MoveTo(transition.Value, clock.UtcNow);
        audit.Record(new ApplicationWithdrawn(id, before, new StatusSnapshot(application.Status.Code())));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Changed(application);
        }

        return Result<Application>.Ok(application);
    }
}
