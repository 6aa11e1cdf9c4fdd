using System.Text;
using Regiekamer.Cli;

// UTF-8 without a byte-order mark whatever the console's code page: Dutch messages carry accents (geïmporteerd).
Console.OutputEncoding = new UTF8Encoding(false);
return await Cli.RunAsync(args, Console.Out, Console.Error, TimeProvider.System);
