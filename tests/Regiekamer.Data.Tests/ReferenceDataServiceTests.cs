using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.Core.ReferenceData;
using Regiekamer.TestCommon;

namespace Regiekamer.Data.Tests;

public sealed class ReferenceDataServiceTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Snapshot2025_InhabitantTotal_EqualsThe2019Total_BecauseMergersJoinWholeMunicipalities(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Dictionary<NisCode, long> inhabitants2019;
        await using (var db = database.NewDb())
        {
            var dataset = await db.Datasets.AsNoTracking().SingleAsync(d => d.Kind == DatasetKind.Inhabitants);
            inhabitants2019 = await db.Figures.AsNoTracking().Where(f => f.DatasetId == dataset.Id).ToDictionaryAsync(f => f.NisCode, f => f.Value);
        }

        ReferenceSnapshot snapshot;
        await using (var scope = database.NewScope())
        {
            snapshot = await scope.ServiceProvider.GetRequiredService<ReferenceDataService>().SnapshotAsync(MunicipalitySet.Set2025);
        }

        Assert.Equal(285, snapshot.Municipalities.Count);
        Assert.All(snapshot.Municipalities, m => Assert.NotNull(snapshot.Inhabitants(m.NisCode)));
        Assert.Equal(inhabitants2019.Values.Sum(), snapshot.Municipalities.Sum(m => snapshot.Inhabitants(m.NisCode)!.Value));

        // Borsbeek (11007) merged into Antwerpen (11002), which kept its code.
        Assert.Equal(inhabitants2019[NisCode.Parse("11002")] + inhabitants2019[NisCode.Parse("11007")], snapshot.Inhabitants(NisCode.Parse("11002")));
        Assert.Null(snapshot.Find(NisCode.Parse("11007")));
    }
}
