using Regiekamer.Core.Common;

namespace Regiekamer.Core.ReferenceData;

/// <summary>Why a figure is an estimate rather than a figure of the source.</summary>
public enum EstimateReason
{
    /// <summary>
    /// A share of a 2025 merged municipality's figure: the source only has the merged whole, which is split over its
    /// 2019-2024 predecessors pro rata to their working-age population.
    /// </summary>
    MergerShare,

    /// <summary>The source suppressed the value (too small to publish); estimated from the working-age population and the Flemish rate of that year.</summary>
    Suppressed,

    /// <summary>The whole dataset is an estimate (the 4.5% job-seeker estimate of earlier versions).</summary>
    EstimatedDataset,
}

/// <summary>One municipality's figure that is an estimate, and why.</summary>
/// <param name="Merged2025">For <see cref="EstimateReason.MergerShare"/>: the 2025 municipality whose figure was split.</param>
/// <param name="MergedWith">For <see cref="EstimateReason.MergerShare"/>: every 2019-2024 predecessor of <paramref name="Merged2025"/>, this one included, by NIS code.
/// Whoever holds them all holds the merged figure exactly, because the shares add up to it.</param>
public sealed record FigureEstimate(
    NisCode NisCode,
    string Name,
    EstimateReason Reason,
    NisCode? Merged2025 = null,
    string? Merged2025Name = null,
    IReadOnlyList<NisCode>? MergedWith = null)
{
    /// <summary>"Antwerpen (11002): deel van Antwerpen (fusie 2025), verdeeld naar bevolking op beroepsactieve leeftijd".</summary>
    public Bilingual Describe() => Reason switch
    {
        EstimateReason.MergerShare => new(
            $"{Name} ({NisCode}): deel van {Merged2025Name} ({Merged2025}, fusie 2025), verdeeld naar bevolking op beroepsactieve leeftijd",
            $"{Name} ({NisCode}): share of {Merged2025Name} ({Merged2025}, 2025 merger), split by working-age population"),
        EstimateReason.Suppressed => new(
            $"{Name} ({NisCode}): waarde afgeschermd door de bron, geschat als bevolking op beroepsactieve leeftijd × Vlaams aandeel van dat jaar",
            $"{Name} ({NisCode}): value suppressed by the source, estimated as working-age population × the Flemish rate of that year"),
        _ => new($"{Name} ({NisCode}): de hele dataset is een schatting", $"{Name} ({NisCode}): the whole dataset is an estimate"),
    };
}

/// <summary>Figures on one municipality set, with the ones that are estimates.</summary>
public sealed record DerivedFigures(IReadOnlyList<MunicipalityFigure> Figures, IReadOnlyList<FigureEstimate> Estimates);

/// <summary>
/// Job-seeker figures moved between the two municipality sets. Pure: no database. Integers only.
/// <list type="bullet">
/// <item>2025 → 2019-2024 (<see cref="Disaggregate"/>): a 2025 municipality with one predecessor gives that predecessor its
/// figure exactly; a merged one's figure is split over its predecessors pro rata to their working-age population, with
/// largest remainders so that the parts add up exactly to the merged figure (ties by NIS code), each part an
/// estimate; a suppressed value (no figure) becomes the working-age population × the Flemish rate of that year,
/// rounded half to even, an estimate.</item>
/// <item>2019-2024 → 2025 (<see cref="Aggregate"/>): sums (mergers join whole municipalities). The shares of a merger add
/// up to its figure, so they are exact together; any other estimate stays one.</item>
/// </list>
/// </summary>
public static class JobSeekerFigures
{
    /// <param name="set2019">The 2019-2024 municipalities, each with its <see cref="Municipality.SuccessorNisCode"/>.</param>
    /// <param name="names2025">The names of the 2025 municipalities (for the estimates' descriptions).</param>
    /// <param name="figures2025">The source's figures on the 2025 set; a municipality without one is suppressed.</param>
    /// <param name="workingAge2019">Working-age population of the 2019-2024 municipalities: the key of the split and of the rate.</param>
    public static DerivedFigures Disaggregate(
        IReadOnlyList<Municipality> set2019,
        IReadOnlyDictionary<NisCode, string> names2025,
        IReadOnlyDictionary<NisCode, long> figures2025,
        IReadOnlyDictionary<NisCode, long> workingAge2019)
    {
        ArgumentNullException.ThrowIfNull(set2019);
        ArgumentNullException.ThrowIfNull(names2025);
        ArgumentNullException.ThrowIfNull(figures2025);
        ArgumentNullException.ThrowIfNull(workingAge2019);

        var bySuccessor = set2019
            .GroupBy(m => m.SuccessorNisCode ?? throw new ArgumentException($"{m.Name} ({m.NisCode}) has no successor on the 2025 set.", nameof(set2019)))
            .ToDictionary(g => g.Key, g => g.OrderBy(m => m.NisCode).ToList());

        // The Flemish rate of the year: the source's total over the municipalities that have a figure, divided by their working-age population.
        long rateJobSeekers = 0, rateWorkingAge = 0;
        foreach (var (code, predecessors) in bySuccessor)
        {
            if (figures2025.TryGetValue(code, out var value) && predecessors.All(p => workingAge2019.ContainsKey(p.NisCode)))
            {
                rateJobSeekers += value;
                rateWorkingAge += predecessors.Sum(p => workingAge2019[p.NisCode]);
            }
        }

        var figures = new List<MunicipalityFigure>();
        var estimates = new List<FigureEstimate>();
        foreach (var (code, predecessors) in bySuccessor.OrderBy(kv => kv.Key))
        {
            if (!figures2025.TryGetValue(code, out var value))
            {
                if (rateWorkingAge == 0)
                {
                    continue;
                }

                foreach (var p in predecessors.Where(p => workingAge2019.ContainsKey(p.NisCode)))
                {
                    figures.Add(new MunicipalityFigure { NisCode = p.NisCode, Value = RateEstimate(workingAge2019[p.NisCode], rateJobSeekers, rateWorkingAge) });
                    estimates.Add(new FigureEstimate(p.NisCode, p.Name, EstimateReason.Suppressed));
                }

                continue;
            }

            if (predecessors.Count == 1)
            {
                figures.Add(new MunicipalityFigure { NisCode = predecessors[0].NisCode, Value = value });
                continue;
            }

            if (!predecessors.All(p => workingAge2019.ContainsKey(p.NisCode)))
            {
                continue; // no key to split by: no figure for any part, so the allocation names what is missing
            }

            var parts = Split(value, predecessors.Select(p => workingAge2019[p.NisCode]).ToList());
            var group = predecessors.Select(p => p.NisCode).ToList();
            var name = names2025.GetValueOrDefault(code) ?? code.ToString();
            for (var i = 0; i < predecessors.Count; i++)
            {
                figures.Add(new MunicipalityFigure { NisCode = predecessors[i].NisCode, Value = parts[i] });
                estimates.Add(new FigureEstimate(predecessors[i].NisCode, predecessors[i].Name, EstimateReason.MergerShare, code, name, group));
            }
        }

        return new DerivedFigures(figures, estimates);
    }

    /// <summary>
    /// Figures on the 2019-2024 set summed onto the 2025 set. A 2025 municipality is an estimate when one of its
    /// predecessors is, except as a merger share (all shares of a merger together are its figure).
    /// </summary>
    public static DerivedFigures Aggregate(
        IReadOnlyList<Municipality> set2019,
        IReadOnlyDictionary<NisCode, string> names2025,
        IEnumerable<MunicipalityFigure> figures2019,
        IEnumerable<FigureEstimate> estimates2019)
    {
        ArgumentNullException.ThrowIfNull(set2019);
        ArgumentNullException.ThrowIfNull(names2025);
        ArgumentNullException.ThrowIfNull(figures2019);
        ArgumentNullException.ThrowIfNull(estimates2019);
        var successor = set2019.ToDictionary(m => m.NisCode, m => m.SuccessorNisCode!.Value);
        var figures = figures2019
            .GroupBy(f => successor[f.NisCode])
            .Select(g => new MunicipalityFigure { NisCode = g.Key, Value = g.Sum(f => f.Value) })
            .ToList();
        var estimates = estimates2019
            .Where(e => e.Reason != EstimateReason.MergerShare)
            .GroupBy(e => successor[e.NisCode])
            .Select(g => new FigureEstimate(g.Key, names2025.GetValueOrDefault(g.Key) ?? g.Key.ToString(), g.First().Reason))
            .ToList();
        return new DerivedFigures(figures, estimates);
    }

    /// <summary>
    /// <paramref name="value"/> split pro rata to <paramref name="weights"/> in whole numbers: each part floored, then the
    /// units left over one at a time to the largest remainders, ties to the earlier position (callers order by NIS
    /// code). The parts add up to <paramref name="value"/> exactly. Weights that add up to 0 count as equal.
    /// </summary>
    public static IReadOnlyList<long> Split(long value, IReadOnlyList<long> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        if (weights.Count == 0)
        {
            throw new ArgumentException("Nothing to split over.", nameof(weights));
        }

        if (weights.Any(w => w < 0))
        {
            throw new ArgumentException("Weights cannot be negative.", nameof(weights));
        }

        var w = weights.Sum() == 0 ? weights.Select(_ => 1L).ToList() : weights;
        Int128 total = w.Sum();
        var parts = new long[w.Count];
        var remainders = new Int128[w.Count];
        long given = 0;
        for (var i = 0; i < w.Count; i++)
        {
            var (quotient, remainder) = Int128.DivRem((Int128)value * w[i], total);
            parts[i] = (long)quotient;
            remainders[i] = remainder;
            given += parts[i];
        }

        var order = Enumerable.Range(0, w.Count).OrderByDescending(i => remainders[i]).ThenBy(i => i).ToList();
        for (var k = 0; k < value - given; k++)
        {
            parts[order[k]]++;
        }

        return parts;
    }

    /// <summary>workingAge × jobSeekers / workingAgeTotal, rounded half to even: a municipality at the Flemish rate.</summary>
    public static long RateEstimate(long workingAge, long jobSeekersTotal, long workingAgeTotal)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workingAgeTotal);
        var (q, r) = Int128.DivRem((Int128)workingAge * jobSeekersTotal, workingAgeTotal);
        var twice = r * 2;
        if (twice > workingAgeTotal || (twice == workingAgeTotal && !Int128.IsEvenInteger(q)))
        {
            q++;
        }

        return (long)q;
    }
}
