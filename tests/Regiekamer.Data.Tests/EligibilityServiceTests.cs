using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Data;
using Regiekamer.Core.Eligibility;
using Regiekamer.Core.Evaluation;
using Regiekamer.Core.Partnerships;
using Regiekamer.TestCommon;

namespace Regiekamer.Data.Tests;

public sealed class EligibilityServiceTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MunicipalityInTwoPartnerships_BothAreToldOfTheOther_R3(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.Services.CreatePartnershipAsync(p => p.Named("Regie Durmeland").Interlocal("Hamme", "Hamme", "Zele", "Berlare"));
        await database.Services.CreatePartnershipAsync(p => p.Named("Regie Dender").Interlocal("Dendermonde", "Dendermonde", "Zele", "Lebbeke", "Buggenhout"));
        await database.Services.CreatePartnershipAsync(p => p.Named("Regie Gent").CentralCity("Gent"));

        IReadOnlyList<PartnershipEligibility> results;
        await using (var scope = database.NewScope())
        {
            var evaluation = await scope.ServiceProvider.GetRequiredService<CallEvaluationService>().EvaluateAsync(null, new DateOnly(2023, 1, 10));
            Assert.True(evaluation.IsSuccess);
            results = evaluation.Value!.Partnerships;
        }

        var durmeland = Assert.Single(Findings(results, "Regie Durmeland"), f => f.Rule == "R3");
        var dender = Assert.Single(Findings(results, "Regie Dender"), f => f.Rule == "R3");
        Assert.Equal(Severity.Violation, durmeland.Severity);
        Assert.Contains("Zele", durmeland.Message.En, StringComparison.Ordinal);
        Assert.Contains("Regie Dender", durmeland.Message.En, StringComparison.Ordinal);
        Assert.Contains("Zele", dender.Message.En, StringComparison.Ordinal);
        Assert.Contains("Regie Durmeland", dender.Message.En, StringComparison.Ordinal);
        Assert.DoesNotContain(Findings(results, "Regie Gent"), f => f.Rule == "R3");
        Assert.Equal(["Regie Gent"], results.Where(r => r.Result.Eligible).Select(r => r.Partnership.Name));
    }

    private static IReadOnlyList<Finding> Findings(IReadOnlyList<PartnershipEligibility> results, string name) =>
        Assert.Single(results, r => r.Partnership.Name == name).Result.Findings;
}
