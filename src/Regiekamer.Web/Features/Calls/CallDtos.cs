using Regiekamer.Core.Calls;
using Regiekamer.Core.ReferenceData;
using Regiekamer.Web.Features.Municipalities;

namespace Regiekamer.Web.Features.Calls;

/// <param name="JobSeekersDatasetId">The job-seeker figures the version's allocation uses (R13: which series and year); null only in a database not yet brought up to date.</param>
/// <param name="JobSeekers">That dataset: title, source, series, year, reference date.</param>
public sealed record CallVersionDto(int Id, int Number, string YearlyBudget, int WeightWorkingAge, int WeightJobSeekers, int WeightEqual, DateOnly Deadline, IReadOnlyList<string> Priorities, int RegionDatasetId, DateOnly EffectiveFrom, string? Note, DateTime CreatedAtUtc, int? JobSeekersDatasetId, SourceDto? JobSeekers, int AdvancePercent, int ReportDueMonth, int ReportDueDay)
{
    public static CallVersionDto Of(CallVersion v, IReadOnlyDictionary<int, ReferenceDataset> datasets)
    {
        ArgumentNullException.ThrowIfNull(v);
        ArgumentNullException.ThrowIfNull(datasets);
        var jobSeekers = v.JobSeekersDatasetId is { } id && datasets.TryGetValue(id, out var d) ? SourceDto.Of(d) : null;
        return new(v.Id, v.Number, v.YearlyBudget.ToInvariantString(), v.WeightWorkingAge, v.WeightJobSeekers, v.WeightEqual, v.Deadline, v.PriorityCodes, v.RegionDatasetId, v.EffectiveFrom, v.Note, v.CreatedAtUtc, v.JobSeekersDatasetId, jobSeekers, v.AdvancePercent, v.ReportDueMonth, v.ReportDueDay);
    }
}

public sealed record CallDto(int Id, string Code, string Title, int FirstYear, int LastYear, string MunicipalitySet, int Version, IReadOnlyList<CallVersionDto> Versions)
{
    public static CallDto Of(Call c, IReadOnlyDictionary<int, ReferenceDataset> datasets)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(c.Id, c.Code, c.Title, c.FirstYear, c.LastYear, c.MunicipalitySet.ToString(), c.Version, c.Versions.OrderBy(v => v.Number).Select(v => CallVersionDto.Of(v, datasets)).ToList());
    }
}

/// <param name="JobSeekersDatasetId">The job-seeker dataset the new version uses (GET /api/v1/reference/datasets, kind JobSeekers); null keeps the current version's.</param>
/// <summary>A new call version (R14). AdvancePercent (the payment schedule: 100 is one payment after the decree), ReportDueMonth and ReportDueDay (R15: the day of the following year a year's report is due) keep the current version's when left out.</summary>
public sealed record CallVersionRequest(string? YearlyBudget, int WeightWorkingAge, int WeightJobSeekers, int WeightEqual, DateOnly Deadline, string? Priorities, DateOnly EffectiveFrom, string? Note, int? RegionDatasetId, int Version, int? JobSeekersDatasetId = null, int? AdvancePercent = null, int? ReportDueMonth = null, int? ReportDueDay = null);
