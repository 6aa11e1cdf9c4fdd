using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Allocation;
using Regiekamer.Core.Applications;
using Regiekamer.Core.Data;
using Regiekamer.TestCommon;

namespace Regiekamer.Data.Tests;

/// <summary>Issue 8, point 7: the allocation (R13) counts the approved applications once a call has decisions, and is a labelled simulation over the submitted ones before that.</summary>
public sealed class ApplicationAllocationTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheAllocation_FollowsTheDossiers_RegisteredThenSubmittedThenApproved(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var gent = await database.Services.CreatePartnershipAsync(p => p.CentralCity("Gent").Named("Regie Gent"));
        var leuven = await database.Services.CreatePartnershipAsync(p => p.CentralCity("Leuven").Named("Regie Leuven"));
        var brugge = await database.Services.CreatePartnershipAsync(p => p.CentralCity("Brugge").Named("Regie Brugge"));

        var before = await PreviewAsync(database);
        Assert.Equal(AllocationBasis.Registered, before.Basis);
        Assert.Equal(["Regie Brugge", "Regie Gent", "Regie Leuven"], before.Lines.Select(l => l.Name));

        var gentDossier = await database.Services.CreateApplicationAsync(a => a.For(gent.Id).Submitted());
        await database.Services.CreateApplicationAsync(a => a.For(leuven.Id).Submitted());
        await database.Services.CreateApplicationAsync(a => a.For(brugge.Id).Complete()); // a draft: not in the simulation

        var simulation = await PreviewAsync(database);
        Assert.Equal(AllocationBasis.Submitted, simulation.Basis);
        Assert.Equal(["Regie Gent", "Regie Leuven"], simulation.Lines.Select(l => l.Name));
        Assert.Equal(simulation.Budget, simulation.Lines.Aggregate(Core.Common.Money.Zero, (sum, l) => sum + l.Total));

        await using (var scope = database.NewScope())
        {
            var reviews = scope.ServiceProvider.GetRequiredService<ReviewService>();
            Assert.True((await reviews.DecideAsync(gentDossier.Id, new DecisionInput("approve", "In orde."))).IsSuccess);
        }

        var approved = await PreviewAsync(database);
        Assert.Equal(AllocationBasis.Approved, approved.Basis);
        var line = Assert.Single(approved.Lines);
        Assert.Equal("Regie Gent", line.Name);
        Assert.Equal(approved.Budget, line.Total);

        await using (var scope = database.NewScope())
        {
            var run = await scope.ServiceProvider.GetRequiredService<AllocationService>().CreateRunAsync(null, new DateOnly(2023, 1, 14));
            Assert.True(run.IsSuccess);
            Assert.Equal(AllocationBasis.Approved, run.Value!.Basis);
        }
    }

    private static async Task<AllocationPreview> PreviewAsync(TestDatabase database)
    {
        await using var scope = database.NewScope();
        var preview = await scope.ServiceProvider.GetRequiredService<AllocationService>().PreviewAsync(null, new DateOnly(2023, 1, 14));
        Assert.True(preview.IsSuccess, string.Join("; ", preview.Errors.Select(e => e.Message.En)));
        return preview.Value!;
    }
}
