using System.Globalization;
using Regiekamer.Core.Common;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Core.Areas;

/// <summary>An exact ratio of two counts; rounded only when shown.</summary>
public readonly record struct Share(long Part, long Whole)
{
    /// <summary>Tenths of a percent, rounded half to even (integers only); null when the whole is 0.</summary>
    public long? PerMille => Whole == 0 ? null : AllocationRounding.DivideHalfEven(Part * 1000, Whole);

    /// <summary>"12,3%" (nl) or "12.3%" (en); "–" when the whole is 0.</summary>
    public string Percent(CultureInfo culture) =>
        PerMille is { } pm ? Formats.Fixed(pm / 10m, 1, culture) + "%" : "–";
}

/// <summary>Which figure of an area.</summary>
public enum AreaFigureKind
{
    Inhabitants,
    WorkingAge,
    Aged65Plus,
    JobSeekers,
}

/// <summary>Population by age group on one municipality set, with where it comes from.</summary>
public sealed record AgeGroupFigures(MunicipalitySet Set, IReadOnlyDictionary<NisCode, AgeGroupCounts> Counts, string Source, DateOnly ReferenceDate, string Provenance)
{
    /// <summary>
    /// The shipped 2017 age groups (Statbel, 1/1/2017) on <paramref name="set"/>: on the 2025 set each municipality is the
    /// sum of its 2019-2024 predecessors (mergers join whole municipalities, so the sums are exact).
    /// </summary>
    public static AgeGroupFigures Shipped(MunicipalitySet set)
    {
        var shipped = ShippedReferenceData.Current;
        var counts = set == MunicipalitySet.Set2019
            ? shipped.AgeGroups2017
            : shipped.Municipalities2019
                .Where(m => shipped.AgeGroups2017.ContainsKey(m.NisCode))
                .GroupBy(m => m.SuccessorNisCode!.Value)
                .ToDictionary(g => g.Key, g => g.Select(m => shipped.AgeGroups2017[m.NisCode]).Aggregate(Add));
        return new AgeGroupFigures(set, counts, "Statbel", new DateOnly(2017, 1, 1), ShippedReferenceData.AgeGroupsProvenance);

        static AgeGroupCounts Add(AgeGroupCounts a, AgeGroupCounts b) =>
            new(a.Age0To4 + b.Age0To4, a.Age5To14 + b.Age5To14, a.Age15To64 + b.Age15To64, a.Age65Plus + b.Age65Plus, a.Total + b.Total);
    }

    /// <summary>"Statbel, 1/1/2017".</summary>
    public Bilingual Citation => new($"{Source}, {Formats.ShortDate(ReferenceDate)}", $"{Source}, {Formats.ShortDate(ReferenceDate)}");
}

/// <summary>
/// One figure of an area next to the Flemish one. <see cref="Share"/> says what the figure is of (its
/// <see cref="ShareOf"/>): the part of Flanders, of the population, or of the working-age population.
/// </summary>
/// <param name="Estimates">The members whose figure is an estimate for this area (not the shares of a 2025 merger it holds whole).</param>
/// <param name="FlemishEstimates">The same for the Flemish figure.</param>
/// <param name="Missing">Members without a figure in the dataset (counted as 0).</param>
public sealed record AreaFigure(
    AreaFigureKind Kind,
    long Value,
    long FlemishValue,
    Share? Share,
    Share? FlemishShare,
    Bilingual ShareOf,
    string DatasetTitle,
    Bilingual Citation,
    DateOnly ReferenceDate,
    bool IsEstimate,
    IReadOnlyList<FigureEstimate> Estimates,
    IReadOnlyList<FigureEstimate> FlemishEstimates,
    IReadOnlyList<NisCode> Missing)
{
    public Bilingual Label => Kind switch
    {
        AreaFigureKind.Inhabitants => new("Inwoners", "Inhabitants"),
        AreaFigureKind.WorkingAge => new("Bevolking op beroepsactieve leeftijd (15–64 jaar)", "Working-age population (15–64)"),
        AreaFigureKind.Aged65Plus => new("65-plussers", "Aged 65 and over"),
        _ => new("Werkzoekenden zonder werk", "Job seekers without work"),
    };

    /// <summary>"inhabitants", "working-age", "aged-65-plus", "job-seekers": the figure's code in the API.</summary>
    public string Code => Kind switch
    {
        AreaFigureKind.Inhabitants => "inhabitants",
        AreaFigureKind.WorkingAge => "working-age",
        AreaFigureKind.Aged65Plus => "aged-65-plus",
        _ => "job-seekers",
    };
}

/// <summary>The figures that describe an area's challenges (the environment analysis of WSE-LR1, seed 003's annex).</summary>
/// <param name="JobSeekersMethod">How the job-seeker figures were derived when they are not the source's own.</param>
public sealed record AreaChallengesReport(MunicipalitySet Set, int Municipalities, IReadOnlyList<AreaFigure> Figures, Bilingual? JobSeekersMethod)
{
    public AreaFigure Of(AreaFigureKind kind) => Figures.Single(f => f.Kind == kind);

    public bool UsesEstimates => Figures.Any(f => f.IsEstimate);
}

/// <summary>
/// An area's figures next to Flanders'. Pure: sums of whole numbers over the members, shares as exact fractions.
/// <list type="bullet">
/// <item>Inhabitants (the inhabitants dataset of the snapshot), and the area's part of Flanders.</item>
/// <item>Working-age population (15–64, the snapshot's dataset), as a part of the population on the same date (the age
/// groups' total) when the two datasets share their reference date; else without a share.</item>
/// <item>Aged 65 and over (the age groups), as a part of the population of that file: ageing.</item>
/// <item>Job seekers (the snapshot's: VDAB's on the 2025 municipalities, split over the 2019-2024 ones), per working-age
/// inhabitant. A member's share of a 2025 merger is an estimate unless the area holds the whole merger; a suppressed
/// value is one too. The ratio joins two datasets of different dates, and says so.</item>
/// </list>
/// </summary>
public static class AreaChallenges
{
    public static AreaChallengesReport Compute(IEnumerable<NisCode> members, ReferenceSnapshot snapshot, AgeGroupFigures ages)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(ages);
        if (ages.Set != snapshot.Set)
        {
            throw new ArgumentException($"The age groups are on {ages.Set}, the snapshot on {snapshot.Set}.", nameof(ages));
        }

        var area = members.Where(c => snapshot.Find(c) is not null).Distinct().Order().ToList();
        var all = snapshot.Municipalities.Select(m => m.NisCode).ToList();
        var inArea = area.ToHashSet();

        var inhabitants = Sum(area, snapshot.Inhabitants);
        var flemishInhabitants = Sum(all, snapshot.Inhabitants);
        var workingAge = Sum(area, snapshot.WorkingAge);
        var flemishWorkingAge = Sum(all, snapshot.WorkingAge);
        long? Total(NisCode c) => ages.Counts.TryGetValue(c, out var a) ? a.Total : null;
        long? Aged65(NisCode c) => ages.Counts.TryGetValue(c, out var a) ? a.Age65Plus : null;
        var total = Sum(area, Total);
        var flemishTotal = Sum(all, Total);
        var aged65 = Sum(area, Aged65);
        var flemishAged65 = Sum(all, Aged65);
        var jobSeekers = Sum(area, snapshot.JobSeekers);
        var flemishJobSeekers = Sum(all, snapshot.JobSeekers);

        var sameDate = snapshot.WorkingAgeDataset.ReferenceDate == ages.ReferenceDate;
        var agesTitle = $"Bevolking naar leeftijdsgroep op {Formats.ShortDate(ages.ReferenceDate)}";
        var estimates = Estimates(area, snapshot, inArea);
        var flemishEstimates = Estimates(all, snapshot, all.ToHashSet());
        var jobSeekersOf = new Bilingual(
            $"per inwoner van 15–64 jaar ({Formats.ShortDate(snapshot.WorkingAgeDataset.ReferenceDate)}); geen werkloosheidsgraad van VDAB, die deelt door de beroepsbevolking",
            $"per inhabitant aged 15–64 ({Formats.ShortDate(snapshot.WorkingAgeDataset.ReferenceDate)}); not VDAB's unemployment rate, which divides by the labour force");

        return new AreaChallengesReport(snapshot.Set, area.Count, [
            new(AreaFigureKind.Inhabitants, inhabitants.Value, flemishInhabitants.Value,
                new Share(inhabitants.Value, flemishInhabitants.Value), new Share(flemishInhabitants.Value, flemishInhabitants.Value),
                new("deel van Vlaanderen", "part of Flanders"),
                snapshot.InhabitantsDataset.Title, snapshot.InhabitantsDataset.Citation, snapshot.InhabitantsDataset.ReferenceDate,
                snapshot.InhabitantsDataset.IsEstimate, [], [], inhabitants.Missing),
            new(AreaFigureKind.WorkingAge, workingAge.Value, flemishWorkingAge.Value,
                sameDate ? new Share(workingAge.Value, total.Value) : null, sameDate ? new Share(flemishWorkingAge.Value, flemishTotal.Value) : null,
                new($"deel van de bevolking op {Formats.ShortDate(ages.ReferenceDate)}", $"part of the population on {Formats.ShortDate(ages.ReferenceDate)}"),
                snapshot.WorkingAgeDataset.Title, snapshot.WorkingAgeDataset.Citation, snapshot.WorkingAgeDataset.ReferenceDate,
                snapshot.WorkingAgeDataset.IsEstimate, [], [], workingAge.Missing),
            new(AreaFigureKind.Aged65Plus, aged65.Value, flemishAged65.Value,
                new Share(aged65.Value, total.Value), new Share(flemishAged65.Value, flemishTotal.Value),
                new($"deel van de bevolking op {Formats.ShortDate(ages.ReferenceDate)} (vergrijzing)", $"part of the population on {Formats.ShortDate(ages.ReferenceDate)} (ageing)"),
                agesTitle, ages.Citation, ages.ReferenceDate, false, [], [], aged65.Missing),
            new(AreaFigureKind.JobSeekers, jobSeekers.Value, flemishJobSeekers.Value,
                new Share(jobSeekers.Value, workingAge.Value), new Share(flemishJobSeekers.Value, flemishWorkingAge.Value),
                jobSeekersOf,
                snapshot.JobSeekersDataset.Title, snapshot.JobSeekersDataset.Citation, snapshot.JobSeekersDataset.ReferenceDate,
                snapshot.JobSeekersDataset.IsEstimate || estimates.Count > 0, estimates, flemishEstimates, jobSeekers.Missing),
        ], estimates.Count > 0 || flemishEstimates.Count > 0 ? snapshot.JobSeekersMethod : null);
    }

    private static (long Value, IReadOnlyList<NisCode> Missing) Sum(IEnumerable<NisCode> codes, Func<NisCode, long?> figure)
    {
        long sum = 0;
        var missing = new List<NisCode>();
        foreach (var c in codes)
        {
            if (figure(c) is { } v)
            {
                sum += v;
            }
            else
            {
                missing.Add(c);
            }
        }

        return (sum, missing);
    }

    /// <summary>The job-seeker estimates of an area: a share of a 2025 merger is exact for an area that holds the whole merger.</summary>
    private static List<FigureEstimate> Estimates(IEnumerable<NisCode> area, ReferenceSnapshot snapshot, HashSet<NisCode> inArea) =>
        area.Select(snapshot.JobSeekerEstimate)
            .OfType<FigureEstimate>()
            .Where(e => !(e.Reason == EstimateReason.MergerShare && e.MergedWith is { } whole && whole.All(inArea.Contains)))
            .ToList();
}
