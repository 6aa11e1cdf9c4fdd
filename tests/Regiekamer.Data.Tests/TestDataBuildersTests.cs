using Microsoft.EntityFrameworkCore;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.TestCommon;

namespace Regiekamer.Data.Tests;

/// <summary>The builders make what they say, through the services (validated, audited), with unique defaults.</summary>
public sealed class TestDataBuildersTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Builders_MakeValidAuditedData_WithUniqueDefaults(DatabaseProvider provider)
    {
        await using var accounts = await Accounts.Accounts.CreateAsync(provider);
        var services = accounts.Services;
        var before = await Audit.Audited.LastIdAsync(accounts.Database);

        var first = await services.CreatePartnershipAsync();
        var second = await services.CreatePartnershipAsync();
        var durme = await services.CreatePartnershipAsync(p => p.Named("Regie Durme").Interlocal("Zele", "Zele", "Hamme").Status(PartnershipStatus.Changed, "Splitsing besproken met de gemeenten.").Regisseur("Lies Maes", "lies@durme.be"));
        var regisseur = await services.CreateUserAsync(u => u.Regisseur(durme.Id).Named("Lies Maes"));
        var officer = await services.CreateUserAsync();
        var version = await services.CreateCallVersionAsync(v => v.Budget(3_100_000).Weights(50, 10, 40));

        Assert.NotEqual(first.Name, second.Name);
        Assert.Equal((PartnershipKind.InterlocalAssociation, PartnershipStatus.Changed, "lies@durme.be"), (durme.Kind, durme.Status, durme.RegisseurEmail));
        Assert.Equal(["42008", "42028"], durme.Members.Select(m => m.NisCode.Value).Order(StringComparer.Ordinal));
        Assert.Equal((2, Money.FromEuros(3_100_000), 50), (version.Number, version.YearlyBudget, version.WeightWorkingAge));
        Assert.NotEqual(regisseur.Email, officer.Email);
        Assert.Equal(["Regisseur:" + durme.Id], await accounts.StoredRolesAsync(regisseur.Id));
        Assert.Equal(["PolicyOfficer"], await accounts.StoredRolesAsync(officer.Id));

        // Each is one audited change, as if a person made it.
        var records = await Audit.Audited.SinceAsync(accounts.Database, before);
        Assert.Equal(["Partnership:Created", "Partnership:Created", "Partnership:Created", "User:Created", "User:Created", "Call:VersionAdded"], records.Select(r => r.EntityType + ":" + r.Action));
        await using var db = accounts.Database.NewDb();
        Assert.Equal(3, await db.Partnerships.CountAsync());
    }
}
