using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Accounts;
using Regiekamer.Core.Allocation;
using Regiekamer.Core.Applications;
using Regiekamer.Core.Grants;
using Regiekamer.Core.Partnerships;

namespace Regiekamer.TestCommon;

/// <summary>
/// Grants through the real services: partnerships with an approved application and a published allocation run over
/// them (<see cref="CreateApprovedRunAsync"/>), and a year's decree drafted from it and signed (<see cref="CreateSignedDecreeAsync"/>).
/// </summary>
public static class GrantBuilders
{
    /// <summary>Approves a submitted dossier for each partnership and publishes an allocation run over them (basis: approved, R13).</summary>
    public static Task<AllocationRun> CreateApprovedRunAsync(this IServiceProvider services, params Partnership[] partnerships) =>
        services.CreateApprovedRunAsync(null, partnerships);

    /// <summary>As <see cref="CreateApprovedRunAsync(IServiceProvider, Partnership[])"/>, each dossier with an R8 extension (for a clock past the deadline).</summary>
    public static async Task<AllocationRun> CreateApprovedRunAsync(this IServiceProvider services, DateOnly? extendedUntil, params Partnership[] partnerships)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(partnerships);
        foreach (var partnership in partnerships)
        {
            var dossier = await services.CreateApplicationAsync(a =>
            {
                a.For(partnership.Id).Submitted();
                if (extendedUntil is { } until)
                {
                    a.ExtendedUntil(until);
                }
            });
            await using var scope = services.CreateAsyncScope();
            var decided = await scope.ServiceProvider.GetRequiredService<ReviewService>().DecideAsync(dossier.Id, new DecisionInput("approve", "In orde."));
            Xunit.Assert.True(decided.IsSuccess, ApplicationBuilders.Describe(decided.Errors));
        }

        await using var runScope = services.CreateAsyncScope();
        var allocation = runScope.ServiceProvider.GetRequiredService<AllocationService>();
        var run = await allocation.CreateRunAsync(null, new DateOnly(2023, 1, 14));
        Xunit.Assert.True(run.IsSuccess, ApplicationBuilders.Describe(run.Errors));
        Xunit.Assert.Equal(AllocationBasis.Approved, run.Value!.Basis);
        var published = await allocation.PublishAsync(run.Value.Id);
        Xunit.Assert.True(published.IsSuccess, ApplicationBuilders.Describe(published.Errors));
        return (await allocation.GetRunAsync(run.Value.Id))!;
    }

    /// <summary>Drafts the year's decree from the run and signs it, as <paramref name="actor"/> (default the system).</summary>
    public static async Task<Decree> CreateSignedDecreeAsync(this IServiceProvider services, AllocationRun run, int year, string? number = null, Actor? actor = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(run);
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = actor ?? Actor.System;
        var decrees = scope.ServiceProvider.GetRequiredService<DecreeService>();
        var drafted = await decrees.DraftAsync(new DecreeDraftInput(run.Id, year, number ?? $"MB-{year}-0001", new DateOnly(2023, 4, 20)));
        Xunit.Assert.True(drafted.IsSuccess, ApplicationBuilders.Describe(drafted.Errors));
        var signed = await decrees.SignAsync(drafted.Value!.Id, drafted.Value.Version);
        Xunit.Assert.True(signed.IsSuccess, ApplicationBuilders.Describe(signed.Errors));
        return (await decrees.GetAsync(drafted.Value.Id))!;
    }

    /// <summary>Takes every planned payment of the partnership's grant of the call to paid on <paramref name="paidOn"/>: proposed and approved by two different people (four eyes), ordered and booked.</summary>
    public static async Task PayAllAsync(this IServiceProvider services, int callId, int partnershipId, DateOnly paidOn)
    {
        ArgumentNullException.ThrowIfNull(services);
        var proposer = new Actor(Guid.NewGuid(), "paula.beleid@test.regiekamer", "PolicyOfficer");
        var approver = new Actor(Guid.NewGuid(), "koen.dossier@test.regiekamer", "CaseHandler");
        List<Payment> planned;
        await using (var scope = services.CreateAsyncScope())
        {
            planned = (await scope.ServiceProvider.GetRequiredService<PaymentService>().ListAsync(callId, partnershipId, PaymentStatus.Planned)).Select(p => p.Payment).ToList();
        }

        foreach (var payment in planned)
        {
            var version = payment.Version;
            foreach (var (who, step) in new[] { (proposer, "propose"), (approver, "approve"), (approver, "order"), (approver, "mark-paid") })
            {
                await using var scope = services.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentActor>().Actor = who;
                var moved = await scope.ServiceProvider.GetRequiredService<PaymentService>().ActAsync(payment.Id, new PaymentStep(step, version, step == "mark-paid" ? paidOn : null));
                Xunit.Assert.True(moved.IsSuccess, ApplicationBuilders.Describe(moved.Errors));
                version = moved.Value!.Version;
            }
        }
    }
}
