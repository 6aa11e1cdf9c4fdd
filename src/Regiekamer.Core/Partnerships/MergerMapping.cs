using Regiekamer.Core.Common;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Core.Partnerships;

/// <summary>A member as seen on the 2025 set, with the 2019-2024 members it comes from.</summary>
public sealed record MappedMember(Municipality Municipality2025, IReadOnlyList<Municipality> FromMembers, IReadOnlyList<Municipality> AlsoMergedIn);

/// <summary>Shows a partnership defined on the 2019-2024 municipalities on the 2025 set, through the 2025 mergers.</summary>
public static class MergerMapping
{
    /// <remarks>
    /// <see cref="MappedMember.AlsoMergedIn"/> lists predecessors that were not members: the 2025 municipality then
    /// covers more than the partnership did, which a regisseur must resolve (e.g. Borsbeek merged into Antwerpen).
    /// </remarks>
    public static IReadOnlyList<MappedMember> To2025(IEnumerable<NisCode> members2019, IReadOnlyList<Municipality> set2019, IReadOnlyList<Municipality> set2025)
    {
        var old = set2019.ToDictionary(m => m.NisCode);
        var byNew = set2025.ToDictionary(m => m.NisCode);
        var memberSet = members2019.ToHashSet();
        return memberSet
            .Select(c => old[c])
            .GroupBy(m => m.SuccessorNisCode!.Value)
            .Select(g => new MappedMember(
                byNew[g.Key],
                g.OrderBy(m => m.Name, StringComparer.Ordinal).ToList(),
                set2019.Where(m => m.SuccessorNisCode == g.Key && !memberSet.Contains(m.NisCode)).OrderBy(m => m.Name, StringComparer.Ordinal).ToList()))
            .OrderBy(m => m.Municipality2025.Name, StringComparer.Ordinal)
            .ToList();
    }
}
