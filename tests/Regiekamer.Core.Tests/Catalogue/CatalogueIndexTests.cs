using CsCheck;
using Regiekamer.Core.Catalogue;
using Regiekamer.Core.Common;

namespace Regiekamer.Core.Tests.Catalogue;

/// <summary>Issue 10 point 5: the catalogue's index in memory finds exactly what the filters say, counted once, in order, page by page.</summary>
public sealed class CatalogueIndexTests
{
    private static readonly NisCode[] Municipalities = new[] { "11001", "11002", "11004", "12002", "13001", "46003" }.Select(NisCode.Parse).ToArray();

    private static readonly string[] Categories = ["groenonderhoud", "drukwerk-mailing", "catering"];

    private static readonly string[] Kinds = ["maatwerkbedrijf", "lde", "kringloopcentrum"];

    private static readonly string[] Groups = ["nieuwkomers", "arbeidshandicap"];

    private static readonly string[] CpvCodes = ["77310000-6", "77311000-3", "79810000-5", "79000000-4", "64110000-0", "55520000-1"];

    private static readonly string[] CpvSearches = ["77", "7731", "77311000-3", "79", "798", "64110000", "55520000-1", "99"];

    private static readonly string[] RegionCodes = ["REFREG01", "REFREG02", "REFREG99"];

    private static readonly DateOnly Today = new(2027, 3, 1);

    [Fact]
    public void Find_AgreesWithCheckingEveryEntry_ForEveryFilterAndPage()
    {
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            var entries = Enumerable.Range(1, random.Next(0, 80)).Select(id => Entry(
                id * 3, Pick(random, Kinds), Today.AddDays(-random.Next(0, 700)),
                Some(random, Municipalities).Order().ToArray(), Some(random, CpvCodes).Order(StringComparer.Ordinal).ToArray(),
                Some(random, Categories).Order(StringComparer.Ordinal).ToArray(), Some(random, Groups).Order(StringComparer.Ordinal).ToArray()))
                .OrderBy(_ => random.Next()) // the index keeps the order it is given
                .ToList();
            var regions = new Dictionary<string, HashSet<NisCode>> { ["REFREG01"] = Some(random, Municipalities).ToHashSet(), ["REFREG02"] = Some(random, Municipalities).ToHashSet() };
            var index = new CatalogueIndex(entries, new CatalogueLists([], [], [], []), regions);
            var filter = new IndexFilter(
                Maybe(random, () => Pick(random, Municipalities)),
                Maybe(random, () => Pick(random, RegionCodes)),
                Maybe(random, () => Pick(random, Categories)),
                Maybe(random, () => Pick(random, Kinds)),
                Maybe(random, () => Pick(random, Groups)),
                Maybe(random, () => Cpv.SearchPrefix(Pick(random, CpvSearches)) ?? "99"),
                Maybe(random, () => entries.Where(_ => random.Next(3) > 0).Select(e => e.Id).Append(999).ToHashSet()));
            var after = Today.AddMonths(-18);
            var expected = entries.Where(e => e.LastConfirmedOn > after && filter.Holds(e, regions)).Select(e => e.Id).ToList();
            var take = random.Next(1, 7);
            var skip = random.Next(0, 4) * take;

            var (total, page) = index.Find(filter, after, skip, take);

            Assert.Equal(expected.Count, total);
            Assert.Equal(expected.Skip(skip).Take(take), page.Select(e => e.Id));

            // A full-text lookup may be asked only among the narrowest other filter's services: that never loses a match.
            if (index.NarrowestIds(filter with { TextIds = null }, int.MaxValue) is { } among)
            {
                Assert.Subset(among.ToHashSet(), expected.ToHashSet());
                Assert.Null(index.NarrowestIds(filter with { TextIds = null }, among.Count - 1));
            }
        });
    }

    [Fact]
    public void Holds_MeansEveryGivenPart_AndACpvPrefixFindsTheNarrowerCodes()
    {
        var regions = new Dictionary<string, HashSet<NisCode>> { ["REFREG01"] = [NisCode.Parse("11001")] };
        var e = Entry(1, "lde", Today, [NisCode.Parse("11002")], ["77311000-3"], ["groenonderhoud"], ["nieuwkomers"]);

        Assert.True(new IndexFilter().Holds(e, regions));
        Assert.True(new IndexFilter(NisCode.Parse("11002"), Category: "groenonderhoud", Kind: "lde", TargetGroup: "nieuwkomers", CpvPrefix: Cpv.SearchPrefix("77000000")).Holds(e, regions));
        Assert.False(new IndexFilter(NisCode.Parse("11002"), Kind: "maatwerkbedrijf").Holds(e, regions));
        Assert.True(new IndexFilter(CpvPrefix: Cpv.SearchPrefix("77310000-6")).Holds(e, regions)); // 7731 is broader than 77311
        Assert.False(new IndexFilter(CpvPrefix: Cpv.SearchPrefix("77312000")).Holds(e, regions)); // a sibling
        Assert.False(new IndexFilter(TextIds: new HashSet<int> { 2 }).Holds(e, regions));
        Assert.False(new IndexFilter(Region: "REFREG01").Holds(e, regions));
    }

    private static CatalogueEntry Entry(int id, string kind, DateOnly confirmed, NisCode[] areas, string[] cpv, string[] categories, string[] groups) =>
        new(id, $"Dienst {id}", null, id % 7, $"Leverancier {id % 7}", kind, null, categories, cpv, areas, groups, null, null, null, confirmed);

    private static T Pick<T>(Random random, T[] from) => from[random.Next(from.Length)];

    private static List<T> Some<T>(Random random, T[] from) => from.Where(_ => random.Next(3) == 0).ToList();

    private static T? Maybe<T>(Random random, Func<T> make)
        where T : class => random.Next(2) == 0 ? make() : null;

    private static NisCode? Maybe(Random random, Func<NisCode> make) => random.Next(2) == 0 ? make() : null;
}
