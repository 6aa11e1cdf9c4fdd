using Regiekamer.Core.Common;
using Regiekamer.Core.Eligibility;
using Regiekamer.Core.Partnerships;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Bench;

/// <summary>
/// Partnerships shaped like the real ones, built from the shipped data: each reference region's municipalities (in NIS
/// order, which keeps arrondissements together) split into consecutive groups, the number of groups per region in
/// proportion to its size (D'Hondt).
/// </summary>
public static class RealisticPartnerships
{
    /// <summary><paramref name="count"/> partnerships over every municipality of the snapshot.</summary>
    public static IReadOnlyList<PartnershipFacts> Covering(ReferenceSnapshot snapshot, int count) =>
        Build(snapshot, snapshot.Municipalities.Select(m => m.NisCode), count);

    /// <summary>
    /// As after the 2020 call (R17): <paramref name="count"/> partnerships over all but <paramref name="uncovered"/>
    /// municipalities, the uncovered ones spread evenly in NIS order (never a central city).
    /// </summary>
    public static IReadOnlyList<PartnershipFacts> WithUncovered(ReferenceSnapshot snapshot, int count, int uncovered)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var candidates = snapshot.Municipalities.Where(m => !m.IsCentralCity).Select(m => m.NisCode).Order().ToList();
        var left = new HashSet<NisCode>();
        for (int k = 0; k < uncovered; k++)
        {
            left.Add(candidates[k * candidates.Count / uncovered]);
        }

        return Build(snapshot, snapshot.Municipalities.Select(m => m.NisCode).Where(c => !left.Contains(c)), count);
    }

    private static List<PartnershipFacts> Build(ReferenceSnapshot snapshot, IEnumerable<NisCode> covered, int count)
    {
        var regions = covered
            .GroupBy(c => snapshot.Region(c)!.RegionCode)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Region: g.Key, Members: g.Order().ToList()))
            .ToList();

        var groups = regions.Select(_ => 1).ToArray();
        for (int seats = regions.Count; seats < count; seats++)
        {
            var next = Enumerable.Range(0, regions.Count).MaxBy(i => (double)regions[i].Members.Count / (groups[i] + 1));
            groups[next]++;
        }

        var partnerships = new List<PartnershipFacts>();
        for (int r = 0; r < regions.Count; r++)
        {
            var members = regions[r].Members;
            for (int g = 0; g < groups[r]; g++)
            {
                var part = members.Skip(g * members.Count / groups[r]).Take(((g + 1) * members.Count / groups[r]) - (g * members.Count / groups[r])).ToList();
                var alone = part.Count == 1 && snapshot.Find(part[0])!.IsCentralCity;
                partnerships.Add(new PartnershipFacts(
                    $"{regions[r].Region}-{g + 1}",
                    alone ? PartnershipKind.CentralCity : PartnershipKind.InterlocalAssociation,
                    PartnershipStatus.Existing,
                    part,
                    alone ? null : part[0],
                    null));
            }
        }

        return partnerships;
    }
}
