using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Regiekamer.Core.Applications.Plan;
using Regiekamer.Core.Audit;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.Partnerships;

namespace Regiekamer.Core.Applications;

/// <summary>What a person enters on the information form (web form, API body), before validation.</summary>
public sealed record InformationInput(bool? BbcUser, string? BeneficiaryKbo, string? Iban, ContactInput? Regisseur, ContactInput? Signatory, bool? WijkWerken);

public sealed record ContactInput(string? Name, string? Email, string? Phone);

/// <summary>What a person enters for one action: amounts per year as text ("35.000,00", "35000.00"; empty: not that year).</summary>
public sealed record ActionInput(
    string? PolicyGoal,
    string? ActionPlan,
    string? ShortDescription,
    string? LongDescription,
    string? Comment,
    string? Code,
    IReadOnlyDictionary<int, string?>? Amounts);

/// <summary>A dossier in a list: the review queue, a partnership's dossiers.</summary>
public sealed record ApplicationSummary(
    int Id,
    string DossierNumber,
    int PartnershipId,
    string PartnershipName,
    int CallId,
    string CallCode,
    ApplicationStatus Status,
    DateTime StatusSinceUtc,
    DateTime UpdatedAtUtc,
    int SubmittedVersions,
    int Actions,
    DateOnly? ResponseDue,
    DateOnly? ExtendedUntil);

/// <summary>The outcome of saving an action: saved (perhaps merged with someone else's change), refused, or in conflict with someone else's change of the same field.</summary>
public sealed record ActionSave(PlannedAction? Saved, IReadOnlyList<DomainError> Errors, ActionConflict? Conflict = null, bool Merged = false)
{
    public bool IsSuccess => Saved is not null;
}

/// <summary>
/// Someone else saved the same action since it was read: their values, the version now, which fields both changed,
/// and what to propose instead (their values where only they changed something, the caller's elsewhere).
/// </summary>
public sealed record ActionConflict(PlannedActionValues Theirs, int CurrentVersion, IReadOnlyList<string> Fields, PlannedActionValues Proposed);

/// <summary>The outcome of saving the information form: saved (perhaps merged with someone else's change), refused, or in conflict.</summary>
public sealed record InformationSave(Application? Saved, IReadOnlyList<DomainError> Errors, InformationConflict? Conflict = null, bool Merged = false)
{
    public bool IsSuccess => Saved is not null;
}

/// <summary>Someone else saved the information form since it was read: their values, the version now, the fields both changed, and what to propose.</summary>
public sealed record InformationConflict(ApplicationInformation Theirs, int CurrentVersion, IReadOnlyList<string> Fields, ApplicationInformation Proposed);

/// <summary>
/// The application dossier while the partnership prepares it: start, the information form (R7a), the plan (R7c: one
/// action at a time or a whole BBC file), attachments and commitment statements (R7b). Who may do this is the web
/// app's partnership gate (<see cref="ApplicationLifecycle.PermissionFor"/>); whether the dossier's status allows it is
/// checked here, in the same transaction as the write. Every change is audited.
/// </summary>
public sealed class ApplicationService(RegiekamerDb db, CallService calls, PartnershipService partnerships, AuditTrail audit, BrusselsClock clock)
{
    /// <summary>The audit trail's entity type for a dossier; every event of the dossier is recorded on it.</summary>
    public const string AuditEntity = "Application";

    /// <summary>Largest attachment a dossier takes (a signed PDF): 10 MB, as the app's request limit.</summary>
    public const long MaxFileBytes = 10 * 1024 * 1024;

    /// <summary>
    /// Largest plan file: 32 MB. A plan of 10,000 actions with BBC's long descriptions is about 12 MB as CSV; the plan
    /// upload's routes raise the request limit to match (<see cref="MaxPlanRequestBytes"/>).
    /// </summary>
    public const long MaxPlanFileBytes = 32 * 1024 * 1024;

    /// <summary>The request limit of the plan upload's routes: the file and a multipart envelope.</summary>
    public const long MaxPlanRequestBytes = MaxPlanFileBytes + (1024 * 1024);

    public static DomainError NotFound(int id) => DomainError.NotFound($"Aanvraagdossier {id} bestaat niet.", $"Application dossier {id} does not exist.");

    /// <summary>A dossier with its actions and commitment statements, not tracked.</summary>
    public Task<Application?> GetAsync(int id, CancellationToken ct = default) =>
        db.Applications.AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(a => a.Id == id, ct);

    /// <summary>Which partnership a dossier belongs to (the partnership gate asks this), or null when it does not exist.</summary>
    public Task<int?> PartnershipOfAsync(int id, CancellationToken ct = default) =>
        db.Applications.AsNoTracking().IgnoreAutoIncludes().Where(a => a.Id == id).Select(a => (int?)a.PartnershipId).FirstOrDefaultAsync(ct);

    /// <summary>The dossiers of the given partnerships (null: all), newest status change first.</summary>
    public async Task<List<ApplicationSummary>> ListAsync(IReadOnlySet<int>? partnershipIds, ApplicationStatus? status = null, int? callId = null, CancellationToken ct = default)
    {
        var query = db.Applications.AsNoTracking().IgnoreAutoIncludes();
        if (partnershipIds is not null)
        {
            query = query.Where(a => partnershipIds.Contains(a.PartnershipId));
        }

        if (status is { } s)
        {
            query = query.Where(a => a.Status == s);
        }

        if (callId is { } c)
        {
            query = query.Where(a => a.CallId == c);
        }

        var partnershipNames = db.Set<Partnership>();
        var callCodes = db.Set<Call>();
        var list = await query
            .Select(a => new ApplicationSummary(
                a.Id,
                a.DossierNumber,
                a.PartnershipId,
                partnershipNames.Where(p => p.Id == a.PartnershipId).Select(p => p.Name).First(),
                a.CallId,
                callCodes.Where(c => c.Id == a.CallId).Select(c => c.Code).First(),
                a.Status,
                a.StatusSinceUtc,
                a.UpdatedAtUtc,
                a.SubmittedVersions,
                a.Actions.Count,
                a.ResponseDue,
                a.ExtendedUntil))
            .ToListAsync(ct);
        return list.OrderBy(s => s.PartnershipName, StringComparer.CurrentCulture).ThenBy(s => s.DossierNumber, StringComparer.Ordinal).ToList();
    }

    /// <summary>Every dossier of a call with its actions and commitment statements, not tracked (the department's overview).</summary>
    public Task<List<Application>> AllAsync(int callId, CancellationToken ct = default) =>
        db.Applications.AsNoTracking().AsSplitQuery().Where(a => a.CallId == callId).OrderBy(a => a.Number).ToListAsync(ct);

    /// <summary>A partnership's dossier for a call, if it started one.</summary>
    public Task<int?> FindAsync(int partnershipId, int callId, CancellationToken ct = default) =>
        db.Applications.AsNoTracking().IgnoreAutoIncludes().Where(a => a.PartnershipId == partnershipId && a.CallId == callId).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);

    /// <summary>Starts the partnership's dossier for the call: one per partnership per call.</summary>
    public async Task<Result<Application>> StartAsync(int partnershipId, int callId, CancellationToken ct = default)
    {
        var call = await calls.GetAsync(callId, ct);
        if (call is null)
        {
            return CallService.CallNotFound(callId);
        }

        var partnership = await partnerships.GetAsync(partnershipId, ct);
        if (partnership is null)
        {
            return DomainError.NotFound($"Regieverband {partnershipId} bestaat niet.", $"Partnership {partnershipId} does not exist.");
        }

        if (partnership.MunicipalitySet != call.MunicipalitySet)
        {
            return DomainError.Rule(
                Rules.R7,
                $"R7: regieverband '{partnership.Name}' is samengesteld uit gemeenten van een andere gemeentelijst dan oproep {call.Code}.",
                $"R7: partnership '{partnership.Name}' is made of municipalities of another set than call {call.Code}.");
        }

        if (await FindAsync(partnershipId, callId, ct) is { } existing)
        {
            return Exists(partnership.Name, call.Code, existing);
        }

        var now = clock.UtcNow;
        for (var attempt = 0; ; attempt++)
        {
            var number = (await db.Applications.IgnoreAutoIncludes().Where(a => a.CallId == callId).MaxAsync(a => (int?)a.Number, ct) ?? 0) + 1;
            var application = Application.Start(callId, partnershipId, call.FirstYear, number, new ContactPerson(partnership.RegisseurName, partnership.RegisseurEmail, partnership.RegisseurPhone), now);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            try
            {
                db.Applications.Add(application);
                await db.SaveChangesAsync(ct);
                audit.Record(new ApplicationStarted(application.Id, ApplicationSnapshot.Of(application)));
                if (!application.Regisseur.IsEmpty)
                {
                    audit.Record(new ApplicationInformationUpdated(application.Id, ApplicationInformationSnapshot.Of(Application.Start(callId, partnershipId, call.FirstYear, number, new ContactPerson(null, null, null), now)), ApplicationInformationSnapshot.Of(application)));
                }

                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return Result<Application>.Ok(application);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another dossier took the number (or the partnership's dossier was started at the same moment).
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                if (await FindAsync(partnershipId, callId, ct) is { } raced)
                {
                    return Exists(partnership.Name, call.Code, raced);
                }
            }
        }
    }

    private static DomainError Exists(string partnership, string call, int id) => DomainError.Conflict(
        "application-exists",
        $"Regieverband '{partnership}' heeft al een aanvraagdossier voor oproep {call} (dossier {id}).",
        $"Partnership '{partnership}' already has an application dossier for call {call} (dossier {id}).");

    /// <summary>Validates the information form: a KBO number with a wrong check digit, an IBAN that fails mod 97, or an e-mail address without @ is refused; empty fields are allowed in a draft (the checklist says what is missing).</summary>
    public static Result<ApplicationInformation> Validate(InformationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<DomainError>();
        string? kbo = null;
        if (!string.IsNullOrWhiteSpace(input.BeneficiaryKbo))
        {
            if (KboNumber.TryParse(input.BeneficiaryKbo, out var number))
            {
                kbo = number.Value;
            }
            else
            {
                errors.Add(DomainError.Rule(Rules.R7, $"R7: KBO-nummer '{input.BeneficiaryKbo.Trim()}' is ongeldig: 10 cijfers, waarvan de laatste twee het controlegetal (97 min de eerste acht modulo 97).", $"R7: KBO number '{input.BeneficiaryKbo.Trim()}' is not valid: 10 digits, the last two the check digits (97 minus the first eight modulo 97).", "beneficiaryKbo"));
            }
        }

        string? iban = null;
        if (!string.IsNullOrWhiteSpace(input.Iban))
        {
            if (Common.Iban.TryParse(input.Iban, out var account))
            {
                iban = account.Value;
            }
            else
            {
                errors.Add(DomainError.Rule(Rules.R7, $"R7: rekeningnummer '{input.Iban.Trim()}' is geen geldig IBAN (lengte of controlegetal klopt niet).", $"R7: bank account '{input.Iban.Trim()}' is not a valid IBAN (its length or check digits are wrong).", "iban"));
            }
        }

        var regisseur = Contact(input.Regisseur, "regisseur", errors);
        var signatory = Contact(input.Signatory, "signatory", errors);
        return errors.Count > 0
            ? Result<ApplicationInformation>.Fail(errors)
            : Result<ApplicationInformation>.Ok(new ApplicationInformation(input.BbcUser, kbo, iban, regisseur, signatory, input.WijkWerken));
    }

    private static ContactPerson Contact(ContactInput? input, string field, List<DomainError> errors)
    {
        var email = InputText.Clean(input?.Email, 200);
        if (email is not null && (!email.Contains('@', StringComparison.Ordinal) || email.StartsWith('@') || email.EndsWith('@')))
        {
            errors.Add(DomainError.Invalid("validation", $"E-mail ({field}): '{email}' is geen e-mailadres.", $"E-mail ({field}): '{email}' is not an e-mail address.", field + "Email"));
        }

        return new ContactPerson(InputText.Clean(input?.Name, 200), email, InputText.Clean(input?.Phone, 50));
    }

    /// <param name="expectedVersion">The information form's version that was read (<see cref="Application.InformationVersion"/>): a stale one is refused.</param>
    public async Task<Result<Application>> UpdateInformationAsync(int id, InformationInput input, int expectedVersion, CancellationToken ct = default)
    {
        var save = await SaveInformationAsync(id, input, expectedVersion, null, ct);
        return save.IsSuccess ? Result<Application>.Ok(save.Saved!) : Result<Application>.Fail(save.Errors);
    }

    /// <summary>
    /// Saves the information form. When someone else saved it since <paramref name="expectedVersion"/> and the caller
    /// says what it read, the two edits are merged field by field (<see cref="InformationMerge"/>); a field both changed
    /// differently is a conflict with both versions, and nothing is written.
    /// </summary>
    public async Task<InformationSave> SaveInformationAsync(int id, InformationInput input, int expectedVersion, InformationInput? read, CancellationToken ct = default)
    {
        var valid = Validate(input);
        if (!valid.IsSuccess)
        {
            return new InformationSave(null, valid.Errors);
        }

        var basis = read is null ? null : Validate(read);
        for (var attempt = 0; ; attempt++)
        {
            var application = await db.Applications.IgnoreAutoIncludes().FirstOrDefaultAsync(a => a.Id == id, ct);
            if (application is null)
            {
                return new InformationSave(null, [NotFound(id)]);
            }

            if (!ApplicationLifecycle.Allows(application.Status, ApplicationAction.Edit))
            {
                return new InformationSave(null, [ApplicationLifecycle.NotNow(application.Status, ApplicationAction.Edit)]);
            }

            var mine = valid.Value!;
            var merged = false;
            if (application.InformationVersion != expectedVersion)
            {
                var theirs = application.Information;
                if (basis is not { IsSuccess: true })
                {
                    return new InformationSave(null, [StaleInformation(application)], new InformationConflict(theirs, application.InformationVersion, InformationMerge.ChangedFields(mine, theirs), mine));
                }

                var merge = InformationMerge.Merge(basis.Value!, mine, theirs);
                if (merge.Conflicts.Count > 0)
                {
                    return new InformationSave(null, [StaleInformation(application)], new InformationConflict(theirs, application.InformationVersion, merge.Conflicts, merge.Result));
                }

                mine = merge.Result;
                merged = true;
            }

            var before = ApplicationInformationSnapshot.Of(application);
            application.UpdateInformation(mine, clock.UtcNow);
            var after = ApplicationInformationSnapshot.Of(application);
            var record = audit.Record(new ApplicationInformationUpdated(id, before, after));
            try
            {
                await db.SaveChangesAsync(ct);
                return new InformationSave(application, [], Merged: merged);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 5)
            {
                // Someone saved in between (the form, or the plan, which raises the dossier's version): read again and retry.
                audit.Withdraw(record);
                db.ChangeTracker.Clear();
            }
        }
    }

    private static DomainError StaleInformation(Application a) => DomainError.Conflict(
        "concurrency",
        $"Iemand anders heeft het inlichtingenformulier van {a.DossierNumber} intussen gewijzigd (nu versie {a.InformationVersion}). Laad de pagina opnieuw en breng je wijziging opnieuw aan.",
        $"Someone else changed the information form of {a.DossierNumber} in the meantime (now version {a.InformationVersion}). Reload the page and make your change again.");

    /// <summary>
    /// Checks one action as it would be saved: its fields parsed (amounts in nl-BE or plain notation), then R11 and R12
    /// on the row. A violation refuses the save; a warning does not. R10 is about the whole plan: it is shown, and
    /// blocks only the submission.
    /// </summary>
    public static Result<PlannedActionValues> Validate(ActionInput input, PlanPeriod period)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(period);
        var errors = new List<DomainError>();
        var amounts = new List<KeyValuePair<int, Money>>();
        foreach (var (year, text) in input.Amounts ?? new Dictionary<int, string?>())
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (PlanAmount.TryParse(text, out var amount) != PlanAmountProblem.None)
            {
                errors.Add(DomainError.Rule(Rules.R11, $"R11: bedrag {year} '{text.Trim()}' is geen bedrag van 0 of meer (bv. 35.000,00).", $"R11: amount {year} '{text.Trim()}' is not an amount of 0 or more (e.g. 35.000,00).", $"amounts.{year}"));
                continue;
            }

            amounts.Add(new(year, amount));
        }

        var values = new PlannedActionValues(
            InputText.Clean(input.PolicyGoal, int.MaxValue),
            InputText.Clean(input.ActionPlan, int.MaxValue),
            input.ShortDescription?.Trim() ?? "",
            InputText.Clean(input.LongDescription, int.MaxValue),
            InputText.Clean(input.Comment, int.MaxValue),
            (input.Code ?? "").Trim().ToUpperInvariant(),
            new YearAmounts(amounts));
        foreach (var finding in PlanRules.Check([ToPlanAction(values, 1)], period).Findings)
        {
            if (finding.Severity == FindingSeverity.Violation && finding.Row is not null)
            {
                errors.Add(DomainError.Rule(finding.Rule, finding.Message.Nl, finding.Message.En, FieldOf(finding.Field)));
            }
        }

        if (values.PolicyGoal?.Length > 500)
        {
            errors.Add(DomainError.Invalid("validation", "Beleidsdoelstelling: hoogstens 500 tekens.", "Policy goal: at most 500 characters.", "policyGoal"));
        }

        if (values.ActionPlan?.Length > 500)
        {
            errors.Add(DomainError.Invalid("validation", "Actieplan: hoogstens 500 tekens.", "Action plan: at most 500 characters.", "actionPlan"));
        }

        return errors.Count > 0 ? Result<PlannedActionValues>.Fail(errors) : Result<PlannedActionValues>.Ok(values);
    }

    /// <summary>The API's and the form's name for a plan file's column.</summary>
    private static string? FieldOf(string? column) => column switch
    {
        null => null,
        "Actie omschrijving" => "shortDescription",
        "Actie lange omschrijving" => "longDescription",
        "Actie commentaar" => "comment",
        "Code" => "code",
        "Beleidsdoelstelling" => "policyGoal",
        "Actieplan" => "actionPlan",
        _ when column.StartsWith("Bedrag ", StringComparison.Ordinal) => "amounts." + column["Bedrag ".Length..],
        _ => column,
    };

    public static PlanAction ToPlanAction(PlannedActionValues v, int? row)
    {
        ArgumentNullException.ThrowIfNull(v);
        return new PlanAction(row, v.PolicyGoal, v.ActionPlan, v.ShortDescription, v.LongDescription, v.Comment, v.Code, v.Amounts);
    }

    public static PlanPeriod PeriodOf(Call call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return new PlanPeriod(call.FirstYear, call.LastYear);
    }

    public async Task<ActionSave> AddActionAsync(int id, ActionInput input, CancellationToken ct = default)
    {
        var (valid, _) = await ValidateForAsync(id, input, ct);
        if (!valid.IsSuccess)
        {
            return new ActionSave(null, valid.Errors);
        }

        return await WriteAsync(id, async (application, save) =>
        {
            var action = application.AddAction(valid.Value!, clock.UtcNow);
            await save();

            // The action's id is known once it is saved; its record goes in the same transaction.
            audit.Record(new PlannedActionAdded(id, PlannedActionSnapshot.Of(action)));
            await save();
            return new ActionSave(action, []);
        }, ct);
    }

    /// <summary>An action's input checked against the dossier's call period (<see cref="Validate(ActionInput, PlanPeriod)"/>); the period too, for a merge's basis.</summary>
    private async Task<(Result<PlannedActionValues> Valid, PlanPeriod? Period)> ValidateForAsync(int id, ActionInput input, CancellationToken ct)
    {
        var period = await PeriodAsync(id, ct);
        return period is null ? (Result<PlannedActionValues>.Fail(NotFound(id)), null) : (Validate(input, period), period);
    }

    /// <summary>
    /// Saves one action. With the version that was read still current, it is simply saved. When someone else saved the
    /// action since, and the caller says what it read (<paramref name="read"/>), the two are merged field by field: a
    /// field only one of them changed takes that change; a field both changed differently is a conflict, returned with
    /// the other's values so the person can keep one or merge. Without <paramref name="read"/> a stale version is a conflict.
    /// </summary>
    public async Task<ActionSave> UpdateActionAsync(int id, int actionId, ActionInput input, int expectedVersion, ActionInput? read = null, CancellationToken ct = default)
    {
        var (valid, period) = await ValidateForAsync(id, input, ct);
        if (!valid.IsSuccess)
        {
            return new ActionSave(null, valid.Errors);
        }

        PlannedActionValues? basis = null;
        if (read is not null)
        {
            var readValid = Validate(read, period!);
            basis = readValid.Value ?? Lenient(read);
        }

        return await WriteAsync(id, async (application, save) =>
        {
            var action = application.Actions.FirstOrDefault(a => a.Id == actionId);
            if (action is null)
            {
                return new ActionSave(null, [ActionNotFound(id, actionId)]);
            }

            var mine = valid.Value!;
            var merged = false;
            if (action.Version != expectedVersion)
            {
                if (basis is null)
                {
                    return new ActionSave(null, [StaleAction(action)], new ActionConflict(action.Values, action.Version, PlanMerge.ChangedFields(mine, action.Values), mine));
                }

                var merge = PlanMerge.Merge(basis, mine, action.Values);
                if (merge.Conflicts.Count > 0)
                {
                    return new ActionSave(null, [StaleAction(action)], new ActionConflict(action.Values, action.Version, merge.Conflicts, merge.Result));
                }

                mine = merge.Result;
                merged = true;
            }

            if (mine == action.Values)
            {
                return new ActionSave(action, [], Merged: merged);
            }

            var before = PlannedActionSnapshot.Of(action);
            action.Set(mine, clock.UtcNow);
            audit.Record(new PlannedActionUpdated(id, before, PlannedActionSnapshot.Of(action)));
            try
            {
                await save();
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                var current = await db.PlannedActions.AsNoTracking().FirstOrDefaultAsync(a => a.Id == actionId, ct);
                return current is null
                    ? new ActionSave(null, [ActionNotFound(id, actionId)])
                    : new ActionSave(null, [StaleAction(current)], new ActionConflict(current.Values, current.Version, PlanMerge.ChangedFields(mine, current.Values), mine));
            }

            return new ActionSave(action, [], Merged: merged);
        }, ct);
    }

    public async Task<ActionSave> RemoveActionAsync(int id, int actionId, int expectedVersion, CancellationToken ct = default) =>
        await WriteAsync(id, async (application, save) =>
        {
            var action = application.Actions.FirstOrDefault(a => a.Id == actionId);
            if (action is null)
            {
                return new ActionSave(null, [ActionNotFound(id, actionId)]);
            }

            if (action.Version != expectedVersion)
            {
                return new ActionSave(null, [StaleAction(action)], new ActionConflict(action.Values, action.Version, [], action.Values));
            }

            audit.Record(new PlannedActionRemoved(id, PlannedActionSnapshot.Of(action)));
            application.RemoveAction(action, clock.UtcNow);
            await save();
            return new ActionSave(action, []);
        }, ct);

    /// <summary>
    /// Replaces the plan with a file in the BBC action layout (CSV or XLSX). A file with violations (R10, R11, R12) writes
    /// nothing and returns every finding with its row and column; warnings do not stop it.
    /// </summary>
    public async Task<Result<PlanImportResult>> ImportPlanAsync(int id, Stream file, string fileName, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        var period = await PeriodAsync(id, ct);
        if (period is null)
        {
            return NotFound(id);
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        if (buffer.Length > MaxPlanFileBytes)
        {
            return DomainError.Invalid("file-too-large", $"Het bestand is groter dan {MaxPlanFileBytes / 1024 / 1024} MB.", $"The file is larger than {MaxPlanFileBytes / 1024 / 1024} MB.", "file");
        }

        var sha = Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
        buffer.Position = 0;
        var read = PlanFile.Read(buffer, fileName, period);
        if (read.Error is { } unreadable)
        {
            return unreadable;
        }

        var check = read.Check(period);
        var findings = check.Findings;
        if (findings.Any(f => f.Severity == FindingSeverity.Violation))
        {
            return Result<PlanImportResult>.Fail(findings.Where(f => f.Severity == FindingSeverity.Violation).Select(ToError).ToList());
        }

        var plan = read.Actions.Select(a => new PlannedActionValues(a.PolicyGoal, a.ActionPlan, a.ShortDescription, a.LongDescription, a.Comment, a.Code.Trim().ToUpperInvariant(), new YearAmounts(a.Amounts))).ToList();
        var outcome = await WriteAsync(id, async (application, save) =>
        {
            application.ReplacePlan(plan, clock.UtcNow);
            audit.Record(new PlanImported(id, new PlanImportSnapshot(Path.GetFileName(fileName), sha, plan.Count, TotalsOf(application))));
            await save();

            // The plan before this file goes in one statement, not action by action (10,000 actions: a second on
            // PostgreSQL). After the save, which took the audit trail's lock: the writers' lock order stays the same.
            var imported = application.Actions.Select(a => a.Id).ToList();
            await db.PlannedActions.Where(a => a.ApplicationId == id && !imported.Contains(a.Id)).ExecuteDeleteAsync(ct);
            return new ActionSave(application.Actions.FirstOrDefault() ?? new PlannedAction(), []);
        }, ct, withPlan: false);
        return outcome.IsSuccess
            ? Result<PlanImportResult>.Ok(new PlanImportResult(plan.Count, findings, check))
            : Result<PlanImportResult>.Fail(outcome.Errors);
    }

    public static DomainError ToError(PlanFinding f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var where = f.Row is { } row ? $"rij {row}" : null;
        var whereEn = f.Row is { } r ? $"row {r}" : null;
        var prefixNl = string.Join(", ", new[] { where, f.Field }.Where(s => s is not null));
        var prefixEn = string.Join(", ", new[] { whereEn, f.Field }.Where(s => s is not null));
        return DomainError.Rule(
            f.Rule,
            prefixNl.Length > 0 ? $"{prefixNl}: {f.Message.Nl}" : f.Message.Nl,
            prefixEn.Length > 0 ? $"{prefixEn}: {f.Message.En}" : f.Message.En,
            f.Row is { } line ? $"row {line}" + (f.Field is null ? "" : $", {f.Field}") : f.Field);
    }

    private static Dictionary<string, string> TotalsOf(Application a) =>
        a.Actions.SelectMany(x => x.Amounts).GroupBy(x => x.Key).OrderBy(g => g.Key)
            .ToDictionary(g => g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), g => g.Aggregate(Money.Zero, (s, x) => s + x.Value).ToInvariantString());

    /// <summary>
    /// Adds a PDF to the dossier (checked by its content: it must start with %PDF-), stored with its SHA-256. For a
    /// commitment statement (R7b) <paramref name="member"/> names the member municipality and
    /// <paramref name="councilDecision"/> the date of its council decision.
    /// </summary>
    public async Task<Result<ApplicationAttachment>> AddAttachmentAsync(int id, AttachmentKind kind, string? fileName, Stream content, string? member = null, DateOnly? councilDecision = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        var errors = new List<DomainError>();
        if (bytes.Length == 0)
        {
            errors.Add(DomainError.Invalid("file-empty", "Het bestand is leeg.", "The file is empty.", "file"));
        }
        else if (bytes.Length > MaxFileBytes)
        {
            errors.Add(DomainError.Invalid("file-too-large", $"Het bestand is groter dan {MaxFileBytes / 1024 / 1024} MB.", $"The file is larger than {MaxFileBytes / 1024 / 1024} MB.", "file"));
        }
        else if (!IsPdf(bytes))
        {
            errors.Add(DomainError.Invalid("not-pdf", "Het bestand is geen PDF (de inhoud begint niet met %PDF-). Laad het ondertekende document op als PDF.", "The file is not a PDF (its content does not start with %PDF-). Upload the signed document as a PDF.", "file"));
        }

        var name = SafeFileName(fileName);
        NisCode? nis = null;
        if (kind == AttachmentKind.CommitmentStatement)
        {
            if (councilDecision is null)
            {
                errors.Add(DomainError.Rule(Rules.R7, "R7: de datum van het gemeenteraadsbesluit ontbreekt.", "R7: the date of the council decision is missing.", "councilDecisionDate"));
            }
            else if (councilDecision > clock.Today)
            {
                errors.Add(DomainError.Rule(Rules.R7, "R7: de datum van het gemeenteraadsbesluit ligt in de toekomst.", "R7: the date of the council decision is in the future.", "councilDecisionDate"));
            }

            var application = await GetAsync(id, ct);
            var partnership = application is null ? null : await partnerships.GetAsync(application.PartnershipId, ct);
            if (application is null || partnership is null)
            {
                return NotFound(id);
            }

            nis = NisCode.TryParse(member, out var code) ? code : null;
            if (nis is null || partnership.Members.All(m => m.NisCode != nis))
            {
                errors.Add(DomainError.Rule(Rules.R7, $"R7: '{member}' is geen lidgemeente van {partnership.Name}.", $"R7: '{member}' is not a member of {partnership.Name}.", "member"));
            }
        }

        if (errors.Count > 0)
        {
            return Result<ApplicationAttachment>.Fail(errors);
        }

        var attachment = new ApplicationAttachment
        {
            ApplicationId = id,
            Kind = kind,
            FileName = name,
            ContentType = "application/pdf",
            Length = bytes.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            Content = bytes,
            UploadedAtUtc = clock.UtcNow,
        };
        var outcome = await WriteAsync(id, async (application, save) =>
        {
            db.ApplicationAttachments.Add(attachment);
            await save();
            if (nis is { } code)
            {
                application.RecordCommitment(code, attachment.Id, councilDecision!.Value, clock.UtcNow);
            }

            audit.Record(new AttachmentAdded(id, new AttachmentSnapshot(
                attachment.Id, kind.ToString(), name, attachment.Sha256, nis?.Value, councilDecision is { } d ? ApplicationContent.Date(d) : null)));
            await save();
            return new ActionSave(new PlannedAction(), []);
        }, ct);
        return outcome.IsSuccess ? Result<ApplicationAttachment>.Ok(attachment) : Result<ApplicationAttachment>.Fail(outcome.Errors);
    }

    /// <summary>A dossier's attachments without their content.</summary>
    public Task<List<ApplicationAttachment>> AttachmentsAsync(int id, CancellationToken ct = default) =>
        db.ApplicationAttachments.AsNoTracking().Where(x => x.ApplicationId == id).OrderBy(x => x.Id)
            .Select(x => new ApplicationAttachment { Id = x.Id, ApplicationId = x.ApplicationId, Kind = x.Kind, FileName = x.FileName, ContentType = x.ContentType, Length = x.Length, Sha256 = x.Sha256, UploadedAtUtc = x.UploadedAtUtc })
            .ToListAsync(ct);

    /// <summary>One attachment with its content, when it belongs to the dossier.</summary>
    public Task<ApplicationAttachment?> AttachmentAsync(int id, int attachmentId, CancellationToken ct = default) =>
        db.ApplicationAttachments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == attachmentId && x.ApplicationId == id, ct);

    public static bool IsPdf(ReadOnlySpan<byte> bytes) => bytes.StartsWith("%PDF-"u8);

    private static string SafeFileName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/')).Trim();
        name = new string(name.Where(c => !char.IsControl(c) && c is not '"' and not '/' and not '\\').ToArray());
        if (name.Length == 0)
        {
            name = "bijlage.pdf";
        }

        return name.Length > 200 ? name[..200] : name;
    }

    /// <summary>
    /// One write to a dossier the partnership is preparing, in one transaction: the dossier is loaded (with its actions
    /// and commitments), its status must allow editing, <paramref name="write"/> saves its change, and then the
    /// dossier's version goes up only if the status still allows editing (a submission in between makes the write
    /// fail and roll back). The dossier row is updated after the change's own save, which takes the audit trail's lock
    /// first, so every writer takes the two locks in the same order.
    /// </summary>
    /// <remarks><paramref name="write"/> saves with the function it is given, never with the context's own SaveChanges.</remarks>
    /// <param name="withPlan">False loads the dossier without its actions and commitments (a write that replaces the plan).</param>
    private async Task<ActionSave> WriteAsync(int id, Func<Application, Func<Task>, Task<ActionSave>> write, CancellationToken ct, bool withPlan = true)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var dossiers = withPlan ? db.Applications.AsSplitQuery() : db.Applications.IgnoreAutoIncludes();
        var application = await dossiers.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
        {
            return new ActionSave(null, [NotFound(id)]);
        }

        if (!ApplicationLifecycle.Allows(application.Status, ApplicationAction.Edit))
        {
            return new ActionSave(null, [ApplicationLifecycle.NotNow(application.Status, ApplicationAction.Edit)]);
        }

        // The dossier row itself is written below, not by the change's save: its version is the submission's guard,
        // and two people saving different actions must not trip over it.
        async Task Save()
        {
            db.Entry(application).State = EntityState.Unchanged;
            await db.SaveChangesAsync(ct);
        }

        var outcome = await write(application, Save);
        if (!outcome.IsSuccess)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return outcome;
        }

        var editable = ApplicationLifecycle.Editable.ToList();
        var now = clock.UtcNow;
        var touched = await db.Applications.Where(a => a.Id == id && editable.Contains(a.Status))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Version, a => a.Version + 1).SetProperty(a => a.UpdatedAtUtc, now), ct);
        if (touched == 0)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            var status = await db.Applications.AsNoTracking().IgnoreAutoIncludes().Where(a => a.Id == id).Select(a => a.Status).FirstAsync(ct);
            return new ActionSave(null, [ApplicationLifecycle.NotNow(status, ApplicationAction.Edit)]);
        }

        await tx.CommitAsync(ct);

        // The dossier's row changed behind the tracked entity's back: let the next read in this scope see it fresh.
        db.ChangeTracker.Clear();
        return outcome;
    }

    private async Task<PlanPeriod?> PeriodAsync(int id, CancellationToken ct)
    {
        var callId = await db.Applications.AsNoTracking().IgnoreAutoIncludes().Where(a => a.Id == id).Select(a => (int?)a.CallId).FirstOrDefaultAsync(ct);
        return callId is { } c && await calls.GetAsync(c, ct) is { } call ? PeriodOf(call) : null;
    }

    /// <summary>What was read, taken as it is even where it would not pass (it is only the basis of a merge).</summary>
    private static PlannedActionValues Lenient(ActionInput read)
    {
        var amounts = new List<KeyValuePair<int, Money>>();
        foreach (var (year, text) in read.Amounts ?? new Dictionary<int, string?>())
        {
            if (!string.IsNullOrWhiteSpace(text) && PlanAmount.TryParse(text, out var amount) == PlanAmountProblem.None)
            {
                amounts.Add(new(year, amount));
            }
        }

        return new(InputText.Clean(read.PolicyGoal, int.MaxValue), InputText.Clean(read.ActionPlan, int.MaxValue), read.ShortDescription?.Trim() ?? "", InputText.Clean(read.LongDescription, int.MaxValue), InputText.Clean(read.Comment, int.MaxValue), (read.Code ?? "").Trim().ToUpperInvariant(), new YearAmounts(amounts));
    }

    private static DomainError ActionNotFound(int id, int actionId) =>
        DomainError.NotFound($"Actie {actionId} bestaat niet in aanvraagdossier {id}.", $"Action {actionId} does not exist in application dossier {id}.");

    private static DomainError StaleAction(PlannedAction a) => DomainError.Conflict(
        "concurrency",
        $"Iemand anders heeft actie '{a.ShortDescription}' intussen gewijzigd (nu versie {a.Version}).",
        $"Someone else changed action '{a.ShortDescription}' in the meantime (now version {a.Version}).");
}

/// <summary>A plan file read into a dossier: how many actions, every finding (warnings too), and the plan's check.</summary>
public sealed record PlanImportResult(int Actions, IReadOnlyList<PlanFinding> Findings, PlanCheck Check);
