using Microsoft.Extensions.DependencyInjection;
using Regiekamer.Core.Data;
using Regiekamer.Core.Notifications;
using Regiekamer.TestCommon;

namespace Regiekamer.Data.Tests.Notifications;

/// <summary>GDPR art. 15 and 17 for notifications: a person's export holds those to their account and their address; erasing them deletes both.</summary>
public sealed class NotificationPersonalDataTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task APersonsNotifications_AreExported_AndErasedWithThem(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = Reminders.Services(database);
        var partnership = await services.CreatePartnershipAsync(p => p.Regisseur("Lies Maes", "lies.maes@durmeland.be"));
        var colleague = await services.CreateUserAsync(u => u.Email("jan@durmeland.be").Signatory(partnership.Id));
        database.Time.At(new DateOnly(2023, 1, 8));
        await Reminders.RunAsync(services);
        Assert.Equal(2, (await Reminders.StoredAsync(database)).Count);

        // Lies has no account: she is known by the address her reminder went to, in any case.
        await using (var scope = services.CreateAsyncScope())
        {
            var export = await scope.ServiceProvider.GetRequiredService<PersonalDataService>().ExportAsync(new PersonQuery("LIES.MAES@durmeland.be"));
            var mine = Assert.Single(export.Value!.Notifications);
            Assert.Equal("lies.maes@durmeland.be", (string?)mine["email"]);
            Assert.Contains("15/01/2023", (string?)mine["subject"], StringComparison.Ordinal);
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var erased = await scope.ServiceProvider.GetRequiredService<PersonalDataService>().EraseAsync(new PersonQuery("lies.maes@durmeland.be"));
            Assert.True(erased.IsSuccess);
            Assert.Equal(1, erased.Value!.Notifications);
        }

        var left = Assert.Single(await Reminders.StoredAsync(database));
        Assert.Equal(colleague.Id, left.UserId);

        // An account holder: their own notifications go with them.
        await using (var scope = services.CreateAsyncScope())
        {
            var personalData = scope.ServiceProvider.GetRequiredService<PersonalDataService>();
            Assert.Single((await personalData.ExportAsync(new PersonQuery("jan@durmeland.be"))).Value!.Notifications);
            Assert.Equal(1, (await personalData.EraseAsync(new PersonQuery("jan@durmeland.be"))).Value!.Notifications);
        }

        Assert.Empty(await Reminders.StoredAsync(database));
    }
}
