using Microsoft.EntityFrameworkCore;
using Regiekamer.Core.Allocation;
using Regiekamer.Core.Audit;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Core.Calls;

/// <summary>
/// The terms of a new call version (R14). Budget in euros with a dot decimal. Reference regions and job seekers: a
/// dataset id, or null to keep the current version's.
/// </summary>
public sealed record CallVersionInput(
    string? YearlyBudget,
    int WeightWorkingAge,
    int WeightJobSeekers,
    int WeightEqual,
    DateOnly Deadline,
    string? Priorities,
    DateOnly EffectiveFrom,
    string? Note,
    int? RegionDatasetId = null,
    int? JobSeekersDatasetId = null,
    int? AdvancePercent = null,
    int? ReportDueMonth = null,
    int? ReportDueDay = null);

public sealed class CallService(RegiekamerDb db, AuditTrail audit, BrusselsClock clock, DerivedCache cache)
{
    public static readonly IReadOnlyList<string> KnownPriorities = ["WSE-LR1", "WSE-LR2", "WSE-LR3", "WSE-LR4"];

    /// <summary>The audit trail's entity type for a call; each new version is a "VersionAdded" record on the call's id.</summary>
    public const string AuditEntity = "Call";

    public static DomainError CallNotFound(int callId) => DomainError.NotFound($"Oproep {callId} bestaat niet.", $"Call {callId} does not exist.");

    public Task<List<Call>> ListAsync(CancellationToken ct = default) => db.Calls.AsNoTracking().OrderByDescending(c => c.FirstYear).ToListAsync(ct);

    /// <summary>A call with its versions, read once per version of the inputs (shared: do not change it).</summary>
    public Task<Call?> GetAsync(int id, CancellationToken ct = default) =>
        cache.GetOrCreateAsync(db, ("call", id), () => db.Calls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct), ct);

    /// <summary>The latest call (by first year), read once per version of the inputs (shared: do not change it).</summary>
    public Task<Call?> LatestAsync(CancellationToken ct = default) =>
        cache.GetOrCreateAsync(db, "latest-call", () => db.Calls.AsNoTracking().OrderByDescending(c => c.FirstYear).ThenByDescending(c => c.Id).FirstOrDefaultAsync(ct), ct);

    /// <summary>
    /// The date a call (the latest when <paramref name="callId"/> is null) is judged on: the date given, else the
    /// call's rule (<see cref="Call.JudgementDate(int, int, DateOnly)"/>) on today in Brussels.
    /// </summary>
    public async Task<DateOnly> JudgementDateAsync(int? callId, DateOnly? given, CancellationToken ct = default)
    {
        if (given is { } date)
        {
            return date;
        }

        var today = clock.Today;
        var call = callId is { } id ? await GetAsync(id, ct) : await LatestAsync(ct);
        return call?.DefaultJudgementDate(today) ?? today;
    }

    public Task<CallVersion?> GetVersionAsync(int versionId, CancellationToken ct = default) => db.CallVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == versionId, ct);

    /// <summary>R14: the minister revises the call; the earlier versions and the allocations that used them stay as they were.</summary>
    public async Task<Result<CallVersion>> AddVersionAsync(int callId, CallVersionInput input, int expectedVersion, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var call = await db.Calls.FirstOrDefaultAsync(c => c.Id == callId, ct);
        if (call is null)
        {
            return CallNotFound(callId);
        }

        if (call.Version != expectedVersion)
        {
            return DomainError.Conflict("concurrency", "Iemand anders heeft deze oproep intussen gewijzigd; laad de pagina opnieuw.", "Someone else changed this call in the meantime; reload the page.");
        }

        var errors = new List<DomainError>();
        if (!Money.TryParseInvariant(input.YearlyBudget, out var budget) || budget.Cents <= 0)
        {
            errors.Add(DomainError.Rule(Rules.R13, $"R13: budget '{input.YearlyBudget}' is geen positief bedrag in euro (bv. 3000000 of 3000000.00).", $"R13: budget '{input.YearlyBudget}' is not a positive amount in euros (e.g. 3000000 or 3000000.00).", "yearlyBudget"));
        }

        var weights = new AllocationWeights(input.WeightWorkingAge, input.WeightJobSeekers, input.WeightEqual);
        if (weights.WorkingAge < 0 || weights.JobSeekers < 0 || weights.Equal < 0 || weights.Sum != 100)
        {
            errors.Add(DomainError.Rule(Rules.R13, $"R13: de gewichten {weights} moeten positief zijn en samen 100 (%) maken.", $"R13: the weights {weights} must be non-negative and add up to 100 (%).", "weights"));
        }

        var priorities = (input.Priorities ?? "").Split([';', ',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => p.ToUpperInvariant()).Distinct().ToList();
        var unknown = priorities.Where(p => !KnownPriorities.Contains(p)).ToList();
        if (priorities.Count == 0 || unknown.Count > 0)
        {
            errors.Add(DomainError.Rule(Rules.R9, $"R9: prioriteiten '{input.Priorities}': kies uit {string.Join(", ", KnownPriorities)}.", $"R9: priorities '{input.Priorities}': choose from {string.Join(", ", KnownPriorities)}.", "priorities"));
        }

        var current = await db.CallVersions.Where(v => v.CallId == callId).OrderByDescending(v => v.Number).FirstAsync(ct);
        var advancePercent = input.AdvancePercent ?? current.AdvancePercent;
        if (advancePercent is < 1 or > 100)
        {
            errors.Add(DomainError.Invalid("validation", $"Voorschot: {advancePercent} % moet tussen 1 en 100 liggen (100: één betaling na het besluit).", $"Advance: {advancePercent} % must be between 1 and 100 (100: one payment after the decree).", "advancePercent"));
        }

        var reportDueMonth = input.ReportDueMonth ?? current.ReportDueMonth;
        var reportDueDay = input.ReportDueDay ?? current.ReportDueDay;
        if (reportDueMonth is < 1 or > 12 || reportDueDay < 1 || reportDueDay > DateTime.DaysInMonth(2023, Math.Clamp(reportDueMonth, 1, 12)))
        {
            errors.Add(DomainError.Rule(Rules.R15, $"R15: jaarverslag tegen: {reportDueDay}/{reportDueMonth} is geen dag van het jaar (ook geen 29/02).", $"R15: annual report due: {reportDueDay}/{reportDueMonth} is not a day of the year (29/02 neither).", "reportDueDay"));
        }

        var regionDatasetId = input.RegionDatasetId ?? current.RegionDatasetId;
        if (!await db.Datasets.AnyAsync(d => d.Id == regionDatasetId && d.Kind == DatasetKind.ReferenceRegions, ct))
        {
            errors.Add(DomainError.Invalid("validation", $"Referentieregio's: dataset {regionDatasetId} bestaat niet.", $"Reference regions: dataset {regionDatasetId} does not exist.", "regionDatasetId"));
        }

        var jobSeekersDatasetId = input.JobSeekersDatasetId ?? current.JobSeekersDatasetId;
        if (jobSeekersDatasetId is { } js && !await db.Datasets.AnyAsync(d => d.Id == js && d.Kind == DatasetKind.JobSeekers, ct))
        {
            errors.Add(DomainError.Rule(Rules.R13, $"R13: werkzoekenden: dataset {js} bestaat niet of bevat geen werkzoekenden.", $"R13: job seekers: dataset {js} does not exist or holds no job seekers.", "jobSeekersDatasetId"));
        }

        if (errors.Count > 0)
        {
            return Result<CallVersion>.Fail(errors);
        }

        var version = new CallVersion
        {
            CallId = callId,
            Number = current.Number + 1,
            YearlyBudget = budget,
            WeightWorkingAge = weights.WorkingAge,
            WeightJobSeekers = weights.JobSeekers,
            WeightEqual = weights.Equal,
            AdvancePercent = advancePercent,
            ReportDueMonth = reportDueMonth,
            ReportDueDay = reportDueDay,
            Deadline = input.Deadline,
            Priorities = string.Join(';', priorities.Order(StringComparer.Ordinal)),
            RegionDatasetId = regionDatasetId,
            JobSeekersDatasetId = jobSeekersDatasetId,
            EffectiveFrom = input.EffectiveFrom,
            Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(),
            CreatedAtUtc = clock.UtcNow,
        };
        db.CallVersions.Add(version);
        audit.Record(new CallVersionAdded(callId, CallVersionSnapshot.Of(current), CallVersionSnapshot.Of(version)));
        db.Entry(call).State = EntityState.Modified; // bumps Call.Version (RegiekamerDb.PrepareChanges)
        await db.SaveChangesAsync(ct);
        return Result<CallVersion>.Ok(version);
    }
}
