using System.Globalization;
using System.Text;
using Regiekamer.Core.Common;
using Regiekamer.Core.Eligibility;

namespace Regiekamer.Core.ReferenceData;

/// <summary>
/// An immutable view of one municipality set with the datasets in force: regions, inhabitants, working-age
/// population and job seekers. Rules and the allocation read their figures from here; every figure can name
/// the dataset (source, reference date, estimate or not) it came from.
/// </summary>
public sealed class ReferenceSnapshot
{
    private readonly Dictionary<NisCode, Municipality> _byCode;
    private readonly Dictionary<string, Municipality> _byName;
    private readonly Dictionary<NisCode, RegionAssignment> _regions;
    private readonly Dictionary<NisCode, long> _inhabitants;
    private readonly Dictionary<NisCode, long> _workingAge;
    private readonly Dictionary<NisCode, long> _jobSeekers;

    public ReferenceSnapshot(
        MunicipalitySet set,
        IEnumerable<Municipality> municipalities,
        ReferenceDataset regionDataset,
        IEnumerable<RegionAssignment> regions,
        ReferenceDataset inhabitantsDataset,
        IEnumerable<MunicipalityFigure> inhabitants,
        ReferenceDataset workingAgeDataset,
        IEnumerable<MunicipalityFigure> workingAge,
        ReferenceDataset jobSeekersDataset,
        IEnumerable<MunicipalityFigure> jobSeekers)
    {
        Set = set;
        Municipalities = municipalities.OrderBy(m => m.Name, StringComparer.Create(CultureInfo.InvariantCulture, true)).ToList();
        _byCode = Municipalities.ToDictionary(m => m.NisCode);
        _byName = new Dictionary<string, Municipality>(StringComparer.Ordinal);
        foreach (var m in Municipalities)
        {
            _byName.TryAdd(NameKey(m.Name), m);
        }

        RegionDataset = regionDataset;
        InhabitantsDataset = inhabitantsDataset;
        WorkingAgeDataset = workingAgeDataset;
        JobSeekersDataset = jobSeekersDataset;
        _regions = regions.ToDictionary(r => r.NisCode);
        _inhabitants = inhabitants.ToDictionary(f => f.NisCode, f => f.Value);
        _workingAge = workingAge.ToDictionary(f => f.NisCode, f => f.Value);
        _jobSeekers = jobSeekers.ToDictionary(f => f.NisCode, f => f.Value);
        Facts = Municipalities.ToDictionary(
            m => m.NisCode,
            m => new MunicipalityFacts(m.NisCode, m.Name, m.IsCentralCity, Region(m.NisCode)?.RegionCode, Region(m.NisCode)?.RegionName, Inhabitants(m.NisCode)));
    }

    public MunicipalitySet Set { get; }

    public IReadOnlyList<Municipality> Municipalities { get; }

    public ReferenceDataset RegionDataset { get; }

    public ReferenceDataset InhabitantsDataset { get; }

    public ReferenceDataset WorkingAgeDataset { get; }

    public ReferenceDataset JobSeekersDataset { get; }

    /// <summary>What the eligibility rules need, per NIS code.</summary>
    public IReadOnlyDictionary<NisCode, MunicipalityFacts> Facts { get; }

    public bool UsesEstimates => InhabitantsDataset.IsEstimate || WorkingAgeDataset.IsEstimate || JobSeekersDataset.IsEstimate;

    public Municipality? Find(NisCode code) => _byCode.GetValueOrDefault(code);

    /// <summary>Finds a municipality by NIS code or by its Dutch name (case and accents ignored).</summary>
    public Municipality? Find(string codeOrName)
    {
        if (NisCode.TryParse(codeOrName, out var code))
        {
            return Find(code);
        }

        return _byName.GetValueOrDefault(NameKey(codeOrName));
    }

    public RegionAssignment? Region(NisCode code) => _regions.GetValueOrDefault(code);

    public long? Inhabitants(NisCode code) => _inhabitants.TryGetValue(code, out var v) ? v : null;

    public long? WorkingAge(NisCode code) => _workingAge.TryGetValue(code, out var v) ? v : null;

    public long? JobSeekers(NisCode code) => _jobSeekers.TryGetValue(code, out var v) ? v : null;

    public EligibilityContext EligibilityContext(DateOnly on) => new(on, Facts, InhabitantsDataset.Citation);

    /// <summary>The same snapshot with other working-age, inhabitant or job-seeker figures (CLI --population / --job-seekers).</summary>
    public ReferenceSnapshot WithFigures(
        (ReferenceDataset Dataset, IEnumerable<MunicipalityFigure> Figures)? inhabitants = null,
        (ReferenceDataset Dataset, IEnumerable<MunicipalityFigure> Figures)? workingAge = null,
        (ReferenceDataset Dataset, IEnumerable<MunicipalityFigure> Figures)? jobSeekers = null) => new(
            Set,
            Municipalities,
            RegionDataset,
            _regions.Values,
            inhabitants?.Dataset ?? InhabitantsDataset,
            inhabitants?.Figures ?? Figures(_inhabitants),
            workingAge?.Dataset ?? WorkingAgeDataset,
            workingAge?.Figures ?? Figures(_workingAge),
            jobSeekers?.Dataset ?? JobSeekersDataset,
            jobSeekers?.Figures ?? Figures(_jobSeekers));

    private static IEnumerable<MunicipalityFigure> Figures(Dictionary<NisCode, long> values) =>
        values.Select(kv => new MunicipalityFigure { NisCode = kv.Key, Value = kv.Value });

    internal static string NameKey(string name)
    {
        var decomposed = name.Trim().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return sb.ToString();
    }

    /// <summary>The snapshot of the shipped data alone (no database): what the CLI uses.</summary>
    public static ReferenceSnapshot FromShipped(MunicipalitySet set = MunicipalitySet.Set2019, DateOnly? regionVersion = null)
    {
        var shipped = ShippedReferenceData.Current;
        var regionSets = shipped.Datasets.Where(d => d.Kind == DatasetKind.ReferenceRegions && d.Set == set).OrderBy(d => d.ReferenceDate).ToList();
        var regions = regionVersion is { } v ? regionSets.First(d => d.ReferenceDate == v) : regionSets[0];
        if (set != MunicipalitySet.Set2019)
        {
            throw new NotSupportedException("The shipped figures are on the 2019-2024 municipality set; view 2025 through PartnershipMapping.");
        }

        ShippedDataset Of(DatasetKind kind) => shipped.Datasets.Single(d => d.Kind == kind && d.Set == set);
        var now = DateTime.UnixEpoch;
        var id = 0;
        ReferenceDataset Entity(ShippedDataset d)
        {
            var e = d.ToEntity(now);
            e.Id = --id;
            return e;
        }

        return new ReferenceSnapshot(
            set,
            shipped.Municipalities2019,
            Entity(regions),
            regions.Assignments,
            Entity(Of(DatasetKind.Inhabitants)),
            Of(DatasetKind.Inhabitants).Figures,
            Entity(Of(DatasetKind.WorkingAgePopulation)),
            Of(DatasetKind.WorkingAgePopulation).Figures,
            Entity(Of(DatasetKind.JobSeekers)),
            Of(DatasetKind.JobSeekers).Figures);
    }
}
