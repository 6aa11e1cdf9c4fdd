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
    private readonly Dictionary<NisCode, FigureEstimate> _jobSeekerEstimates;

    /// <param name="jobSeekerEstimates">The job-seeker figures that are estimates (<see cref="JobSeekerFigures"/>); when the
    /// job-seeker dataset itself is an estimate, every figure is one, whatever is given here.</param>
    /// <param name="jobSeekersMethod">How the job-seeker figures were derived, when they are not the dataset's own (the split of the 2025 figures).</param>
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
        IEnumerable<MunicipalityFigure> jobSeekers,
        IEnumerable<FigureEstimate>? jobSeekerEstimates = null,
        Bilingual? jobSeekersMethod = null)
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
        _jobSeekerEstimates = jobSeekersDataset.IsEstimate
            ? _jobSeekers.Keys.Where(_byCode.ContainsKey).ToDictionary(c => c, c => new FigureEstimate(c, _byCode[c].Name, EstimateReason.EstimatedDataset))
            : (jobSeekerEstimates ?? []).ToDictionary(e => e.NisCode);
        JobSeekerEstimates = Municipalities.Where(m => _jobSeekerEstimates.ContainsKey(m.NisCode)).Select(m => _jobSeekerEstimates[m.NisCode]).ToList();
        JobSeekersMethod = jobSeekersDataset.IsEstimate
            ? (jobSeekersDataset.EstimateMethod == ShippedReferenceData.JobSeekerEstimateMethod.Nl ? ShippedReferenceData.JobSeekerEstimateHow : new Bilingual(jobSeekersDataset.EstimateMethod ?? "", jobSeekersDataset.EstimateMethod ?? ""))
            : jobSeekersMethod;
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

    /// <summary>The job-seeker figures that are estimates, in the order of <see cref="Municipalities"/>; empty when every figure is the source's own.</summary>
    public IReadOnlyList<FigureEstimate> JobSeekerEstimates { get; }

    /// <summary>True when at least one job-seeker figure is an estimate (a share of a 2025 merger, a suppressed value, or an estimated dataset).</summary>
    public bool JobSeekersEstimated => JobSeekerEstimates.Count > 0;

    /// <summary>How the job-seeker figures were made when they are not the dataset's own: the split of the 2025 figures, or the estimate's method.</summary>
    public Bilingual? JobSeekersMethod { get; }

    /// <summary>True when any figure of the snapshot is an estimate.</summary>
    public bool UsesEstimates => InhabitantsDataset.IsEstimate || WorkingAgeDataset.IsEstimate || JobSeekersEstimated;

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

    /// <summary>Why a municipality's job-seeker figure is an estimate, or null when it is the source's own figure.</summary>
    public FigureEstimate? JobSeekerEstimate(NisCode code) => _jobSeekerEstimates.GetValueOrDefault(code);

    public EligibilityContext EligibilityContext(DateOnly on) => new(on, Facts, InhabitantsDataset.Citation);

    /// <summary>
    /// The same snapshot with other working-age, inhabitant or job-seeker figures (CLI --population / --job-seekers). New
    /// job-seeker figures are taken as they are: estimates only when their dataset is one.
    /// </summary>
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
            jobSeekers?.Figures ?? Figures(_jobSeekers),
            jobSeekers is null ? _jobSeekerEstimates.Values : null,
            jobSeekers is null ? JobSeekersMethod : null);

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

    /// <summary>
    /// The snapshot of the shipped data alone (no database): what the CLI uses. Job seekers: the shipped VDAB figures of
    /// <paramref name="jobSeekerSeries"/> and <paramref name="jobSeekerYear"/>, by default those the seeded 2023-2025 call
    /// uses (<see cref="Calls.OpenCall2023.JobSeekerSeries"/>), split over the 2025 mergers as the database does.
    /// </summary>
    /// <exception cref="ArgumentException">The shipped figures have no dataset of that series and year.</exception>
    public static ReferenceSnapshot FromShipped(
        MunicipalitySet set = MunicipalitySet.Set2019,
        DateOnly? regionVersion = null,
        FigureSeries jobSeekerSeries = Calls.OpenCall2023.JobSeekerSeries,
        int jobSeekerYear = Calls.OpenCall2023.JobSeekerYear)
    {
        var shipped = ShippedReferenceData.Current;
        var regionSets = shipped.Datasets.Where(d => d.Kind == DatasetKind.ReferenceRegions && d.Set == set).OrderBy(d => d.ReferenceDate).ToList();
        var regions = regionVersion is { } v ? regionSets.First(d => d.ReferenceDate == v) : regionSets[0];
        if (set != MunicipalitySet.Set2019)
        {
            throw new NotSupportedException("The shipped figures are on the 2019-2024 municipality set; view 2025 through PartnershipMapping.");
        }

        var jobSeekers = shipped.JobSeekers(jobSeekerSeries, jobSeekerYear)
            ?? throw new ArgumentException($"The shipped job-seeker figures have no {FigureSeriesNames.Code(jobSeekerSeries)} {jobSeekerYear}.", nameof(jobSeekerYear));
        ShippedDataset Of(DatasetKind kind) => shipped.Datasets.Single(d => d.Kind == kind && d.Set == set);
        var now = DateTime.UnixEpoch;
        var id = 0;
        ReferenceDataset Entity(ShippedDataset d)
        {
            var e = d.ToEntity(now);
            e.Id = --id;
            return e;
        }

        var workingAge = Of(DatasetKind.WorkingAgePopulation);
        var split = JobSeekerFigures.Disaggregate(
            shipped.Municipalities2019,
            shipped.Municipalities2025.ToDictionary(m => m.NisCode, m => m.Name),
            jobSeekers.Figures.ToDictionary(f => f.NisCode, f => f.Value),
            workingAge.Figures.ToDictionary(f => f.NisCode, f => f.Value));
        return new ReferenceSnapshot(
            set,
            shipped.Municipalities2019,
            Entity(regions),
            regions.Assignments,
            Entity(Of(DatasetKind.Inhabitants)),
            Of(DatasetKind.Inhabitants).Figures,
            Entity(workingAge),
            workingAge.Figures,
            Entity(jobSeekers),
            split.Figures,
            split.Estimates,
            ShippedReferenceData.JobSeekerSplitMethod);
    }
}
