/**
 * Builds the Excel add-in into dist/addin: the task pane (React), the custom functions and
 * their functions.json (generated from the JSDoc of src/functions/functions.ts), the sign-in
 * dialog, the icons and the manifest. `bobsync start` serves that folder over HTTPS.
 *
 * The pane and the functions share one runtime in Excel (manifest: shared runtime), so
 * taskpane.html loads both entries with one webpack runtime: modules they both use, such as the
 * sign-in the functions borrow from the pane, exist once.
 */
const path = require('node:path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');

module.exports = (_env, argv) => {
  const production = argv.mode !== 'development';
  return {
    mode: production ? 'production' : 'development',
    devtool: 'source-map',
    entry: {
      functions: './src/functions/functions.ts',
      taskpane: './src/taskpane/index.tsx',
      'auth-dialog': './src/taskpane/auth/dialog.ts',
    },
    output: { path: path.resolve(__dirname, 'dist', 'addin'), filename: '[name].js', clean: true },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: 'ts-loader',
          // Types are checked by `npm run typecheck`; the build only transpiles.
          options: { configFile: 'tsconfig.addin.json', transpileOnly: true, compilerOptions: { module: 'es2020', sourceMap: true } },
        },
      ],
    },
    optimization: { runtimeChunk: 'single' },
    performance: { maxAssetSize: 2_000_000, maxEntrypointSize: 2_000_000 },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: './src/functions/functions.ts' }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['runtime', 'functions', 'taskpane'],
        chunksSortMode: 'manual',
      }),
      new HtmlWebpackPlugin({ filename: 'auth-dialog.html', template: './src/taskpane/auth/dialog.html', chunks: ['runtime', 'auth-dialog'] }),
      new CopyWebpackPlugin({ patterns: [{ from: 'src/taskpane/assets', to: 'assets' }, { from: 'manifest.xml' }] }),
    ],
  };
};
