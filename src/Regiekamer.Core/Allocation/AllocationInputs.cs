using Regiekamer.Core.Common;
using Regiekamer.Core.Eligibility;
using Regiekamer.Core.ReferenceData;

namespace Regiekamer.Core.Allocation;

public static class AllocationInputs
{
    /// <summary>
    /// Sums each partnership's members' working-age population and job seekers. A member without a figure is an R13
    /// error naming it. Each input names the members whose job-seeker figure is an estimate, except the shares of a
    /// 2025 merger whose predecessors the partnership holds all: they add up to the merged figure exactly.
    /// </summary>
    public static Result<IReadOnlyList<AllocationInput>> From(IEnumerable<PartnershipFacts> partnerships, ReferenceSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(partnerships);
        ArgumentNullException.ThrowIfNull(snapshot);
        var inputs = new List<AllocationInput>();
        var errors = new List<DomainError>();
        foreach (var p in partnerships)
        {
            long workingAge = 0, jobSeekers = 0;
            var members = p.Members.ToHashSet();
            var estimates = new List<FigureEstimate>();
            foreach (var code in p.Members.Distinct())
            {
                if (snapshot.JobSeekerEstimate(code) is { } estimate
                    && !(estimate.Reason == EstimateReason.MergerShare && estimate.MergedWith is { } whole && whole.All(members.Contains)))
                {
                    estimates.Add(estimate);
                }

                var name = snapshot.Find(code)?.Name ?? code.ToString();
                if (snapshot.WorkingAge(code) is { } w)
                {
                    workingAge += w;
                }
                else
                {
                    errors.Add(DomainError.Rule(Rules.R13, $"R13: geen bevolking op beroepsactieve leeftijd voor {name} ({code}) in '{snapshot.WorkingAgeDataset.Title}' ({p.Name}).", $"R13: no working-age population for {name} ({code}) in '{snapshot.WorkingAgeDataset.Title}' ({p.Name})."));
                }

                if (snapshot.JobSeekers(code) is { } j)
                {
                    jobSeekers += j;
                }
                else
                {
                    errors.Add(DomainError.Rule(Rules.R13, $"R13: geen aantal werkzoekenden voor {name} ({code}) in '{snapshot.JobSeekersDataset.Title}' ({p.Name}).", $"R13: no job-seeker figure for {name} ({code}) in '{snapshot.JobSeekersDataset.Title}' ({p.Name})."));
                }
            }

            inputs.Add(new AllocationInput(p.Name, workingAge, jobSeekers, estimates.Count > 0 ? estimates : null));
        }

        return errors.Count > 0 ? Result<IReadOnlyList<AllocationInput>>.Fail(errors) : Result<IReadOnlyList<AllocationInput>>.Ok(inputs);
    }
}
