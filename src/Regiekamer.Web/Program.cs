using Regiekamer.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddRegiekamerWeb();
var app = builder.Build();
if (!await app.UseRegiekamerWebAsync())
{
    // The reason is on stderr (pending migrations in production); no stack trace, exit code 1.
    return 1;
}

await app.RunAsync();
return 0;

/// <summary>Entry point; public so WebApplicationFactory can start the app in tests.</summary>
public partial class Program;
