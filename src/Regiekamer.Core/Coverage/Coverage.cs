using Regiekamer.Core.Eligibility;
using Regiekamer.Core.Partnerships;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Core.Coverage;

public sealed record PartnershipSize(string Name, long Inhabitants);

public sealed record CoverageReport(
    IReadOnlyList<(PartnershipKind Kind, int Count)> ByKind,
    PartnershipSize? Smallest,
    PartnershipSize? Largest,
    long CoveredInhabitants,
    long TotalInhabitants,
    int CoveredMunicipalities,
    int TotalMunicipalities,
    ReferenceDataset InhabitantsDataset)
{
    public int Partnerships => ByKind.Sum(k => k.Count);

    public decimal InhabitantShare => TotalInhabitants == 0 ? 0 : (decimal)CoveredInhabitants / TotalInhabitants;

    public decimal MunicipalityShare => TotalMunicipalities == 0 ? 0 : (decimal)CoveredMunicipalities / TotalMunicipalities;
}

/// <summary>R17, the 2020-2025 call, for comparison (press release of 8/4/2020, seed 002).</summary>
public static class Coverage2020
{
    public const decimal PopulationShare = 0.89m;
    public const int Municipalities = 238;
    public const int OfMunicipalities = 300;
    public const int Partnerships = 37;
    public const string Source = "persbericht 8/4/2020 (seed 002), R17";
}

public static class CoverageCalculator
{
    public static CoverageReport Compute(IReadOnlyList<PartnershipFacts> partnerships, ReferenceSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(partnerships);
        ArgumentNullException.ThrowIfNull(snapshot);
        var sizes = partnerships
            .Select(p => new PartnershipSize(p.Name, p.Members.Distinct().Sum(m => snapshot.Inhabitants(m) ?? 0)))
            .OrderBy(s => s.Inhabitants).ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
        var covered = partnerships.SelectMany(p => p.Members).Where(m => snapshot.Find(m) is not null).ToHashSet();
        return new CoverageReport(
            PartnershipCodes.AllKinds.Select(k => (k, partnerships.Count(p => p.Kind == k))).ToList(),
            sizes.FirstOrDefault(),
            sizes.LastOrDefault(),
            covered.Sum(m => snapshot.Inhabitants(m) ?? 0),
            snapshot.Municipalities.Sum(m => snapshot.Inhabitants(m.NisCode) ?? 0),
            covered.Count,
            snapshot.Municipalities.Count,
            snapshot.InhabitantsDataset);
    }
}
