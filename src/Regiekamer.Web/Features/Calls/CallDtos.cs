using Regiekamer.Core.Calls;

namespace Regiekamer.Web.Features.Calls;

public sealed record CallVersionDto(int Id, int Number, string YearlyBudget, int WeightWorkingAge, int WeightJobSeekers, int WeightEqual, DateOnly Deadline, IReadOnlyList<string> Priorities, int RegionDatasetId, DateOnly EffectiveFrom, string? Note, DateTime CreatedAtUtc)
{
    public static CallVersionDto Of(CallVersion v) => new(v.Id, v.Number, v.YearlyBudget.ToInvariantString(), v.WeightWorkingAge, v.WeightJobSeekers, v.WeightEqual, v.Deadline, v.PriorityCodes, v.RegionDatasetId, v.EffectiveFrom, v.Note, v.CreatedAtUtc);
}

public sealed record CallDto(int Id, string Code, string Title, int FirstYear, int LastYear, string MunicipalitySet, int Version, IReadOnlyList<CallVersionDto> Versions)
{
    public static CallDto Of(Call c) => new(c.Id, c.Code, c.Title, c.FirstYear, c.LastYear, c.MunicipalitySet.ToString(), c.Version, c.Versions.OrderBy(v => v.Number).Select(CallVersionDto.Of).ToList());
}

public sealed record CallVersionRequest(string? YearlyBudget, int WeightWorkingAge, int WeightJobSeekers, int WeightEqual, DateOnly Deadline, string? Priorities, DateOnly EffectiveFrom, string? Note, int? RegionDatasetId, int Version);
