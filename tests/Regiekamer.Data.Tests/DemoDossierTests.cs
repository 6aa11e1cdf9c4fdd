using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Applications;
using Regiekamer.Core.Calls;
using Regiekamer.Core.Common;
using Regiekamer.Core.Data;
using Regiekamer.TestCommon;

namespace Regiekamer.Data.Tests;

/// <summary>Issue 8: the demo lets a newcomer walk the whole flow although the real deadline passed, through a recorded, labelled extension, never by moving the call's deadline.</summary>
public sealed class DemoDossierTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task TheDemoDossier_IsADraftWithTheAnnexPlan_AndAYearsExtension_AndTheCallKeepsItsDeadline(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, demo: true);
        database.Time.SetUtcNow(new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero));
        await using var scope = database.NewScope();
        var services = scope.ServiceProvider;
        var seed = () => DemoDossier.SeedAsync(services.GetRequiredService<RegiekamerDb>(), services.GetRequiredService<CallService>(), services.GetRequiredService<ApplicationService>(), services.GetRequiredService<ReviewService>(), services.GetRequiredService<BrusselsClock>());

        var id = await seed();
        Assert.NotNull(id);
        Assert.Null(await seed());

        var dossier = (await services.GetRequiredService<ApplicationService>().GetAsync(id.Value))!;
        Assert.Equal(ApplicationStatus.Draft, dossier.Status);
        Assert.Equal(11, dossier.Actions.Count);
        Assert.Equal(new DateOnly(2027, 12, 6), dossier.ExtendedUntil);
        Assert.StartsWith("Demo:", dossier.ExtensionMotivation, StringComparison.Ordinal);

        var state = (await services.GetRequiredService<SubmissionService>().StateAsync(dossier)).Value!;
        Assert.False(state.Deadline.Passed);
        Assert.Equal(new DateOnly(2023, 1, 15), state.Deadline.Deadline);
        Assert.True(state.PlanPart.Complete, string.Join("; ", state.PlanPart.Problems.Select(p => p.Message.En)));
        Assert.False(state.Information.Complete); // the newcomer fills in the KBO number, the account and the signatory
        Assert.Equal(new DateOnly(2023, 1, 15), (await services.GetRequiredService<CallService>().LatestAsync())!.CurrentVersion.Deadline);
    }
}
