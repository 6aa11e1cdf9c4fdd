using Microsoft.EntityFrameworkCore;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Allocation;
using Regiekamer.Core.Applications;
using Regiekamer.Core.Audit;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.Partnerships;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Core.Grants;

/// <summary>A decree's header as entered: number, date, legal basis (the default when empty), and for an amendment its reason.</summary>
public sealed record DecreeInput(string? Number, DateOnly? DecreeDate, string? LegalBasis = null, string? AmendmentReason = null);

/// <summary>What a policy officer drafts a year's decree from.</summary>
public sealed record DecreeDraftInput(int AllocationRunId, int Year, string? Number, DateOnly? DecreeDate, string? LegalBasis = null);

/// <summary>
/// The yearly ministerial decrees (R13): drafted from a published allocation run over the approved applications, one
/// line per beneficiary (R4) with the KBO number and bank account of its application; signed (immutable, and its
/// payments planned as the call's schedule says), published (open data), and corrected only by an amending decree.
/// </summary>
public sealed class DecreeService(RegiekamerDb db, AuditTrail audit, BrusselsClock clock, CurrentActor actor)
{
    public const string AuditEntity = "Decree";

    /// <summary>Days after the decree's date the first payment is planned.</summary>
    public const int FirstPaymentAfterDays = 30;

    public static DomainError NotFound(int id) => DomainError.NotFound($"Besluit {id} bestaat niet.", $"Decree {id} does not exist.");

    public Task<List<Decree>> ListAsync(int? callId = null, CancellationToken ct = default) =>
        db.Decrees.AsNoTracking().Where(d => callId == null || d.CallId == callId).OrderBy(d => d.Year).ThenBy(d => d.Id).ToListAsync(ct);

    public Task<Decree?> GetAsync(int id, CancellationToken ct = default) =>
        db.Decrees.AsNoTracking().Include(d => d.Lines.OrderBy(l => l.BeneficiaryName)).FirstOrDefaultAsync(d => d.Id == id, ct);

    /// <summary>The published decrees and their lines (public: the transparency page and 360Giving).</summary>
    public Task<List<Decree>> PublishedAsync(CancellationToken ct = default) =>
        db.Decrees.AsNoTracking().Where(d => d.Status == DecreeStatus.Published).OrderBy(d => d.Year).ThenBy(d => d.Id).ToListAsync(ct);

    /// <summary>The decrees in force of a call: per year, the signed one that no signed decree amends.</summary>
    public async Task<IReadOnlyList<Decree>> InForceAsync(int callId, CancellationToken ct = default)
    {
        var all = await db.Decrees.AsNoTracking().Where(d => d.CallId == callId).ToListAsync(ct);
        return GrantRules.InForce(all, d => (d.Id, d.Year, d.Status, d.AmendsDecreeId));
    }

    public async Task<Result<Decree>> DraftAsync(DecreeDraftInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var run = await db.AllocationRuns.AsNoTracking().Include(r => r.Lines).FirstOrDefaultAsync(r => r.Id == input.AllocationRunId, ct);
        if (run is null)
        {
            return AllocationService.RunNotFound(input.AllocationRunId);
        }

        var version = await db.CallVersions.AsNoTracking().FirstAsync(v => v.Id == run.CallVersionId, ct);
        var call = await db.Calls.AsNoTracking().FirstAsync(c => c.Id == version.CallId, ct);
        var errors = new List<DomainError>();
        if (!run.IsPublished)
        {
            errors.Add(DomainError.Rule(Rules.R13, $"Verdeling {run.Id} is niet gepubliceerd: een besluit steunt op een gepubliceerde verdeling.", $"Allocation run {run.Id} is not published: a decree rests on a published allocation.", "allocationRunId"));
        }

        if (run.Basis != AllocationBasis.Approved)
        {
            errors.Add(DomainError.Rule(Rules.R13, $"Verdeling {run.Id} is geen verdeling over de goedgekeurde aanvragen: een besluit kent enkel toe aan goedgekeurde aanvragen.", $"Allocation run {run.Id} is not over the approved applications: a decree grants to approved applications only.", "allocationRunId"));
        }

        if (input.Year < call.FirstYear || input.Year > call.LastYear)
        {
            errors.Add(DomainError.Invalid("outside-call", $"Jaar: {input.Year} valt buiten de oproep {call.Code} ({call.FirstYear}–{call.LastYear}).", $"Year: {input.Year} is outside call {call.Code} ({call.FirstYear}-{call.LastYear}).", "year"));
        }

        var header = CheckHeader(new DecreeInput(input.Number, input.DecreeDate, input.LegalBasis), call, amendment: false, errors);
        if (errors.Count > 0)
        {
            return Result<Decree>.Fail(errors);
        }

        if (await db.Decrees.AnyAsync(d => d.CallId == call.Id && d.Year == input.Year && d.AmendsDecreeId == null, ct))
        {
            return DomainError.Conflict("decree-exists", $"Voor {input.Year} bestaat al een besluit: verbeter het met een wijzigingsbesluit.", $"There is a decree for {input.Year} already: correct it with an amending decree.", "year");
        }

        var lines = await LinesAsync(run, call, ct);
        if (!lines.IsSuccess)
        {
            return Result<Decree>.Fail(lines.Errors);
        }

        var check = GrantRules.CheckLines(lines.Value!.Select(l => (l.PartnershipId, l.BeneficiaryName, l.Amount)).ToList(), run.Budget);
        if (check.Count > 0)
        {
            return Result<Decree>.Fail(check);
        }

        var decree = Decree.Draft(call.Id, input.Year, header.Number, header.Date, header.LegalBasis, run.Id, run.Budget, lines.Value!, clock.UtcNow);
        return await CreateAsync(decree, ct);
    }

    /// <summary>Starts an amending decree of a decree in force: a draft with the same lines, whose amounts can then be corrected.</summary>
    public async Task<Result<Decree>> AmendAsync(int id, DecreeInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var amended = await db.Decrees.AsNoTracking().Include(d => d.Lines).FirstOrDefaultAsync(d => d.Id == id, ct);
        if (amended is null)
        {
            return NotFound(id);
        }

        var transition = DecreeLifecycle.Transition(amended.Status, DecreeAction.Amend);
        if (!transition.IsSuccess)
        {
            return Result<Decree>.Fail(transition.Errors);
        }

        if (await db.Decrees.AnyAsync(d => d.AmendsDecreeId == id, ct))
        {
            return DomainError.Conflict("amended", $"Besluit {amended.Number} heeft al een wijzigingsbesluit: wijzig dat.", $"Decree {amended.Number} has an amending decree already: change that one.");
        }

        var call = await db.Calls.AsNoTracking().FirstAsync(c => c.Id == amended.CallId, ct);
        var errors = new List<DomainError>();
        var header = CheckHeader(input, call, amendment: true, errors);
        if (errors.Count > 0)
        {
            return Result<Decree>.Fail(errors);
        }

        var lines = amended.Lines.Select(l => new DecreeLine
        {
            PartnershipId = l.PartnershipId,
            PartnershipName = l.PartnershipName,
            ApplicationId = l.ApplicationId,
            BeneficiaryKind = l.BeneficiaryKind,
            BeneficiaryName = l.BeneficiaryName,
            BeneficiaryKbo = l.BeneficiaryKbo,
            Iban = l.Iban,
            Members = l.Members,
            Amount = l.Amount,
        });
        var decree = Decree.Draft(amended.CallId, amended.Year, header.Number, header.Date, header.LegalBasis, amended.AllocationRunId, amended.Budget, lines, clock.UtcNow, amended.Id, header.Reason);
        return await CreateAsync(decree, ct);
    }

    public async Task<Result<Decree>> UpdateAsync(int id, DecreeInput input, int expectedVersion, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var loaded = await LoadForAsync(id, DecreeAction.Edit, ct);
        if (loaded.Value is not { } decree)
        {
            return loaded;
        }

        var call = await db.Calls.AsNoTracking().FirstAsync(c => c.Id == decree.CallId, ct);
        var errors = new List<DomainError>();
        var header = CheckHeader(input, call, decree.AmendsDecreeId is not null, errors);
        if (errors.Count > 0)
        {
            return Result<Decree>.Fail(errors);
        }

        var before = DecreeSnapshot.Of(decree);
        db.ExpectVersion(decree, expectedVersion);
        decree.Describe(header.Number, header.Date, header.LegalBasis, header.Reason);
        audit.Record(new DecreeUpdated(id, before, DecreeSnapshot.Of(decree)));
        return await SaveAsync(decree, ct);
    }

    /// <summary>Corrects one line's amount in an amending draft (an original decree's amounts are the allocation's).</summary>
    public async Task<Result<Decree>> SetAmountAsync(int id, int lineId, string? amount, int expectedVersion, CancellationToken ct = default)
    {
        var loaded = await LoadForAsync(id, DecreeAction.Edit, ct);
        if (loaded.Value is not { } decree)
        {
            return loaded;
        }

        if (decree.AmendsDecreeId is null)
        {
            return DomainError.Rule(Rules.R13, "De bedragen van een besluit zijn die van de verdeling (R13); enkel een wijzigingsbesluit verbetert ze.", "A decree's amounts are the allocation's (R13); only an amending decree corrects them.", "amount");
        }

        var line = decree.Lines.FirstOrDefault(l => l.Id == lineId);
        if (line is null)
        {
            return DomainError.NotFound($"Lijn {lineId} hoort niet bij besluit {decree.Number}.", $"Line {lineId} is not part of decree {decree.Number}.");
        }

        if (Applications.Plan.PlanAmount.TryParse(amount, out var value) != Applications.Plan.PlanAmountProblem.None || value.Cents <= 0)
        {
            return DomainError.Invalid("validation", "Bedrag: een bedrag groter dan nul, bv. 35.000,00.", "Amount: an amount more than zero, e.g. 35000.00.", "amount");
        }

        var before = DecreeLineSnapshot.Of(line);
        db.ExpectVersion(decree, expectedVersion);
        decree.SetAmount(line, value);
        audit.Record(new DecreeAmountChanged(id, before, DecreeLineSnapshot.Of(line)));
        return await SaveAsync(decree, ct);
    }

    /// <summary>
    /// Signs a draft: its lines must add up to the budget (R13), an amendment may not grant anyone less than is already
    /// on its way to them; from then on it never changes. The payments follow: the call's schedule for a year's first
    /// decree; for an amendment, the planned payments are corrected by the difference.
    /// </summary>
    public async Task<Result<Decree>> SignAsync(int id, int expectedVersion, CancellationToken ct = default)
    {
        db.ChangeTracker.Clear(); // a unit of work on what is stored now (the payments it corrects, their grants' versions)
        var loaded = await LoadForAsync(id, DecreeAction.Sign, ct);
        if (loaded.Value is not { } decree)
        {
            return loaded;
        }

        var errors = GrantRules.CheckLines(decree.Lines.Select(l => (l.PartnershipId, l.BeneficiaryName, l.Amount)).ToList(), decree.Budget).ToList();
        var call = await db.Calls.AsNoTracking().Include(c => c.Versions).FirstAsync(c => c.Id == decree.CallId, ct);
        var run = await db.AllocationRuns.AsNoTracking().FirstAsync(r => r.Id == decree.AllocationRunId, ct);
        var schedule = call.Versions.First(v => v.Id == run.CallVersionId).AdvancePercent;
        var payments = await db.Payments.Where(p => p.CallId == decree.CallId && p.Year == decree.Year).ToListAsync(ct);
        Decree? amended = null;
        if (decree.AmendsDecreeId is { } amendsId)
        {
            amended = await db.Decrees.FirstAsync(d => d.Id == amendsId, ct);
            if (await db.Decrees.AnyAsync(d => d.AmendsDecreeId == amendsId && d.Id != id && d.Status != DecreeStatus.Draft, ct))
            {
                errors.Add(DomainError.Conflict("amended", $"Besluit {amended.Number} werd intussen al gewijzigd.", $"Decree {amended.Number} was amended in the meantime."));
            }

            foreach (var line in decree.Lines)
            {
                var moving = payments.Where(p => p.PartnershipId == line.PartnershipId && p.Status is PaymentStatus.Proposed or PaymentStatus.Approved or PaymentStatus.Ordered or PaymentStatus.Paid).Aggregate(Money.Zero, (s, p) => s + p.Amount);
                if (line.Amount < moving)
                {
                    errors.Add(DomainError.Rule(Rules.R13, $"{line.BeneficiaryName}: € {line.Amount.ToDisplayString(Formats.Dutch)} is minder dan wat al betaald of in betaling is (€ {moving.ToDisplayString(Formats.Dutch)}).", $"{line.BeneficiaryName}: EUR {line.Amount.ToInvariantString()} is less than what is paid or being paid already (EUR {moving.ToInvariantString()}).", $"lines[{line.PartnershipId}].amount"));
                }
            }
        }

        if (errors.Count > 0)
        {
            return Result<Decree>.Fail(errors);
        }

        var before = DecreeSnapshot.Of(decree);
        var now = clock.UtcNow;
        db.ExpectVersion(decree, expectedVersion);
        decree.MoveTo(DecreeStatus.Signed, now, actor.Actor.UserId);
        audit.Record(new DecreeSigned(id, before, DecreeSnapshot.Of(decree)));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var saved = await SaveAsync(decree, ct);
        if (!saved.IsSuccess)
        {
            return saved;
        }

        var planned = amended is null
            ? PlanFirst(decree, schedule, now)
            : await CorrectPlannedAsync(decree, amended, payments, schedule, now, ct);
        foreach (var p in planned)
        {
            db.Payments.Add(p);
        }

        await db.SaveChangesAsync(ct);
        foreach (var p in planned)
        {
            audit.Record(new PaymentPlanned(p.Id, PaymentSnapshot.Of(p)));
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return saved;
    }

    public async Task<Result<Decree>> PublishAsync(int id, int expectedVersion, CancellationToken ct = default)
    {
        var loaded = await LoadForAsync(id, DecreeAction.Publish, ct);
        if (loaded.Value is not { } decree)
        {
            return loaded;
        }

        var before = DecreeSnapshot.Of(decree);
        db.ExpectVersion(decree, expectedVersion);
        decree.MoveTo(DecreeStatus.Published, clock.UtcNow, actor.Actor.UserId);
        audit.Record(new DecreePublished(id, before, DecreeSnapshot.Of(decree)));
        return await SaveAsync(decree, ct);
    }

    /// <summary>Deletes a draft that was never signed; its history stays in the audit trail.</summary>
    public async Task<Result<Decree>> DiscardAsync(int id, int expectedVersion, CancellationToken ct = default)
    {
        var loaded = await LoadForAsync(id, DecreeAction.Discard, ct);
        if (loaded.Value is not { } decree)
        {
            return loaded;
        }

        var before = DecreeSnapshot.Of(decree);
        db.ExpectVersion(decree, expectedVersion);
        db.Decrees.Remove(decree);
        audit.Record(new DecreeDiscarded(id, before, before with { Status = "discarded" }));
        return await SaveAsync(decree, ct);
    }

    /// <summary>The decree (tracked) when it exists and its status allows <paramref name="action"/>; else why not.</summary>
    private async Task<Result<Decree>> LoadForAsync(int id, DecreeAction action, CancellationToken ct)
    {
        var decree = await db.Decrees.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (decree is null)
        {
            return NotFound(id);
        }

        var transition = DecreeLifecycle.Transition(decree.Status, action);
        return transition.IsSuccess ? Result<Decree>.Ok(decree) : Result<Decree>.Fail(transition.Errors);
    }

    private static List<Payment> PlanFirst(Decree decree, int advancePercent, DateTime now)
    {
        var list = new List<Payment>();
        foreach (var line in decree.Lines)
        {
            var n = 1;
            foreach (var (kind, amount) in GrantRules.Schedule(line.Amount, advancePercent))
            {
                var date = kind == PaymentKind.Balance ? new DateOnly(decree.Year + 1, 6, 30) : decree.DecreeDate.AddDays(FirstPaymentAfterDays);
                list.Add(Payment.Plan(decree.CallId, decree.Year, line.PartnershipId, line.Id, kind, date, amount, PaymentService.ReferenceOf(decree.Year, line.PartnershipId, n++), now));
            }
        }

        return list;
    }

    /// <summary>An amendment's difference per beneficiary: a rise is a new planned payment; a cut comes off the planned ones, the latest first.</summary>
    private async Task<List<Payment>> CorrectPlannedAsync(Decree decree, Decree amended, List<Payment> payments, int advancePercent, DateTime now, CancellationToken ct)
    {
        var added = new List<Payment>();
        var oldLines = await db.DecreeLines.Where(l => l.DecreeId == amended.Id).ToListAsync(ct);
        foreach (var line in decree.Lines)
        {
            var old = oldLines.FirstOrDefault(l => l.PartnershipId == line.PartnershipId);
            if (old is not null)
            {
                old.LedgerVersion++;
            }

            var committed = payments.Where(p => p.PartnershipId == line.PartnershipId && PaymentLifecycle.Commits(p.Status)).Aggregate(Money.Zero, (s, p) => s + p.Amount);
            var difference = line.Amount - committed;
            if (difference.Cents > 0)
            {
                var n = payments.Count(p => p.PartnershipId == line.PartnershipId) + 1;
                var kind = advancePercent == 100 ? PaymentKind.Whole : PaymentKind.Balance;
                added.Add(Payment.Plan(decree.CallId, decree.Year, line.PartnershipId, line.Id, kind, decree.DecreeDate.AddDays(FirstPaymentAfterDays), difference, PaymentService.ReferenceOf(decree.Year, line.PartnershipId, n), now));
            }
            else if (difference.Cents < 0)
            {
                var cut = new Money(-difference.Cents);
                foreach (var p in payments.Where(p => p.PartnershipId == line.PartnershipId && p.Status == PaymentStatus.Planned).OrderByDescending(p => p.PlannedDate).ThenByDescending(p => p.Id))
                {
                    var take = Money.Min(cut, p.Amount);
                    var before = PaymentSnapshot.Of(p);
                    p.Reschedule(p.PlannedDate, p.Amount - take, now);
                    if (p.Amount.Cents == 0)
                    {
                        p.Apply(PaymentAction.MarkFailed, PaymentStatus.Failed, actor.Actor.UserId, now, failureReason: $"Vervallen door wijzigingsbesluit {decree.Number}");
                    }

                    audit.Record(new PaymentChanged(p.Id, AuditActions.Updated, before, PaymentSnapshot.Of(p)));
                    cut -= take;
                    if (cut.Cents == 0)
                    {
                        break;
                    }
                }
            }
        }

        return added;
    }

    private async Task<Result<List<DecreeLine>>> LinesAsync(AllocationRun run, Call call, CancellationToken ct)
    {
        var ids = run.Lines.Where(l => l.PartnershipId is not null).Select(l => l.PartnershipId!.Value).ToList();
        var partnerships = await db.Partnerships.AsNoTracking().Include(p => p.Members).Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var applications = await db.Applications.AsNoTracking().IgnoreAutoIncludes()
            .Where(a => a.CallId == call.Id && a.Status == ApplicationStatus.Approved && ids.Contains(a.PartnershipId))
            .ToDictionaryAsync(a => a.PartnershipId, ct);
        var names = await db.Municipalities.AsNoTracking().Where(m => m.Set == call.MunicipalitySet).ToDictionaryAsync(m => m.NisCode, m => m.Name, ct);
        var errors = new List<DomainError>();
        var lines = new List<DecreeLine>();
        foreach (var line in run.Lines)
        {
            if (line.PartnershipId is not { } pid || !partnerships.TryGetValue(pid, out var partnership))
            {
                errors.Add(DomainError.Rule(Rules.R13, $"{line.PartnershipName} bestaat niet meer als regieverband.", $"{line.PartnershipName} no longer exists as a partnership.", "allocationRunId"));
                continue;
            }

            if (!applications.TryGetValue(pid, out var application))
            {
                errors.Add(DomainError.Rule(Rules.R13, $"{line.PartnershipName} heeft geen goedgekeurde aanvraag voor {call.Code}.", $"{line.PartnershipName} has no approved application for {call.Code}.", "allocationRunId"));
                continue;
            }

            var managing = partnership.ManagingNisCode is { } m ? names.GetValueOrDefault(m) : null;
            var only = partnership.Members.Count == 1 ? names.GetValueOrDefault(partnership.Members[0].NisCode) : null;
            var (kind, name) = GrantRules.Beneficiary(partnership.Kind, partnership.Name, managing, only);
            lines.Add(new DecreeLine
            {
                PartnershipId = pid,
                PartnershipName = line.PartnershipName,
                ApplicationId = application.Id,
                BeneficiaryKind = kind,
                BeneficiaryName = name,
                BeneficiaryKbo = application.BeneficiaryKbo,
                Iban = application.Iban,
                Members = line.Members,
                Amount = line.Total,
            });
        }

        return errors.Count > 0 ? Result<List<DecreeLine>>.Fail(errors) : Result<List<DecreeLine>>.Ok(lines);
    }

    private static (string Number, DateOnly Date, string LegalBasis, string? Reason) CheckHeader(DecreeInput input, Call call, bool amendment, List<DomainError> errors)
    {
        var number = input.Number?.Trim() ?? "";
        if (number.Length is 0 or > 60)
        {
            errors.Add(DomainError.Invalid("validation", "Nummer: verplicht, hoogstens 60 tekens.", "Number: required, at most 60 characters.", "number"));
        }

        if (input.DecreeDate is not { } date)
        {
            errors.Add(DomainError.Invalid("validation", "Datum: verplicht (dd/mm/jjjj).", "Date: required (YYYY-MM-DD).", "decreeDate"));
            date = default;
        }
        else if (GrantRules.CheckDate(date, call.FirstYear, call.LastYear, "decreeDate") is { } outside)
        {
            errors.Add(outside);
        }

        var legal = string.IsNullOrWhiteSpace(input.LegalBasis) ? GrantRules.DefaultLegalBasis : input.LegalBasis.Trim();
        if (legal.Length > 4000)
        {
            errors.Add(DomainError.Invalid("validation", "Rechtsgrond: hoogstens 4.000 tekens.", "Legal basis: at most 4,000 characters.", "legalBasis"));
        }

        var reason = input.AmendmentReason?.Trim();
        if (amendment && string.IsNullOrEmpty(reason))
        {
            errors.Add(DomainError.Invalid("validation", "Reden: een wijzigingsbesluit zegt wat het wijzigt en waarom.", "Reason: an amending decree says what it changes and why.", "amendmentReason"));
        }
        else if (reason?.Length > 4000)
        {
            errors.Add(DomainError.Invalid("validation", "Reden: hoogstens 4.000 tekens.", "Reason: at most 4,000 characters.", "amendmentReason"));
        }

        return (number, date, legal, reason);
    }

    private async Task<Result<Decree>> CreateAsync(Decree decree, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Decrees.Add(decree);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            if (await NumberTakenAsync(decree, ct))
            {
                return NumberTaken(decree.Number);
            }

            throw;
        }

        audit.Record(new DecreeDrafted(decree.Id, DecreeSnapshot.Of(decree)));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result<Decree>.Ok(decree);
    }

    private async Task<bool> NumberTakenAsync(Decree decree, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await db.Decrees.AnyAsync(d => d.Number == decree.Number, ct);
    }

    private static DomainError NumberTaken(string number) =>
        DomainError.Conflict("duplicate-number", $"Nummer: besluit {number} bestaat al.", $"Number: decree {number} exists already.", "number");

    private async Task<Result<Decree>> SaveAsync(Decree decree, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return Result<Decree>.Ok(decree);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return DomainError.Conflict("concurrency", $"Besluit {decree.Number} werd intussen door iemand anders gewijzigd; herlaad en probeer opnieuw.", $"Decree {decree.Number} was changed by someone else in the meantime; reload and try again.");
        }
        catch (DbUpdateException)
        {
            if (await NumberTakenAsync(decree, ct))
            {
                return NumberTaken(decree.Number);
            }

            throw;
        }
    }
}
