//! Step 2's programs: the autoencoder as the page trains it, on stand-in good parts.

use crate::format::format4;
use crate::lessons::code::{py, Printed, Program};
use crate::model::anomaly::{
    BATCH_SIZE, EPOCHS, HIDDEN, LEARNING_RATE, PARAMETERS, PIXELS, SIDE, TRAIN_NORMAL,
};

/// The convolutional variant the programs also build (the page trains the dense one): two
/// 3×3 convolutions with stride 2 take the picture down to a (side/4)² × 4 code, two
/// transposed convolutions bring it back. (channels in, channels out) per layer.
const CONV_LAYERS: [(usize, usize); 4] = [(1, 8), (8, 4), (4, 8), (8, 1)];

/// Weights and biases of the convolutional variant: 3·3·in·out + out per layer.
pub const CONV_PARAMETERS: usize = {
    let mut sum = 0;
    let mut i = 0;
    while i < CONV_LAYERS.len() {
        let (c_in, c_out) = CONV_LAYERS[i];
        sum += 9 * c_in * c_out + c_out;
        i += 1;
    }
    sum
};

/// Numbers in the convolutional variant's code: (side / 4)² positions × 4 channels.
pub const CONV_CODE: usize = SIDE.div_ceil(4) * SIDE.div_ceil(4) * CONV_LAYERS[1].1;

/// The stand-in good parts both training programs build: the page's recipe (shading,
/// brushing waves, sensor noise σ = 0.015) drawn with NumPy's own seeded generator.
const STAND_IN: &str = "# Stand-in good parts, made like the page's: shading, faint brushing waves, sensor noise\nrng = np.random.default_rng(5)\nn = 240\nu, v = np.meshgrid((np.arange(12) + 0.5) / 12 - 0.5, (np.arange(12) + 0.5) / 12 - 0.5)\nbase, gx, gy = rng.uniform(0.4, 0.6, (n, 1, 1)), rng.uniform(-0.15, 0.15, (n, 1, 1)), rng.uniform(-0.15, 0.15, (n, 1, 1))\namp, angle, phase = rng.uniform(0.03, 0.08, (n, 1, 1)), rng.uniform(-0.35, 0.35, (n, 1, 1)), rng.uniform(0, 2 * np.pi, (n, 1, 1))\nwaves = amp * np.cos(3 * np.pi * (-u * np.sin(angle) + v * np.cos(angle)) + phase)\nsurface = base + gx * u + gy * v + waves + 0.015 * rng.standard_normal((n, 12, 12))\nx_normal = np.clip(surface, 0, 1).reshape(n, 144).astype(\"float32\")\n";

/// Step 2: the autoencoder as the page trains it. What its run prints depends on the
/// random start and shuffles, so the programs print what does not: the parameter count
/// and the number of Adam steps.
pub fn train_programs(epoch: usize, loss: Option<f64>) -> Vec<Program> {
    let per_epoch = TRAIN_NORMAL.div_ceil(BATCH_SIZE);
    let prints = vec![
        Printed::same("parameters", vec![PARAMETERS as f64]),
        Printed::same("minibatch steps per epoch", vec![per_epoch as f64]),
        Printed::same("Adam steps so far", vec![(epoch * per_epoch) as f64]),
        Printed::same(
            "convolutional variant, parameters",
            vec![CONV_PARAMETERS as f64],
        ),
        Printed::same(
            "convolutional variant, code numbers",
            vec![CONV_CODE as f64],
        ),
        Printed::same("convolutional variant, rebuilt pixels", vec![PIXELS as f64]),
    ];
    let lr = py(LEARNING_RATE);
    let page = match loss {
        Some(l) => format!(" (the page's run: {} at epoch {epoch})", format4(l)),
        None => String::new(),
    };
    let note = format!("These programs train on stand-in pictures from their own random start and shuffles, so their loss falls like the page's but with other digits{page}; only the counts are compared. Change epochs=1 to {EPOCHS} to train the whole run.");
    let [keras, pytorch] = Program::twins(
        format!(
            "import numpy as np\nimport keras\n\n{STAND_IN}\n# {PIXELS} pixels → {HIDDEN} numbers (the code) → {PIXELS} pixels\ninputs = keras.Input(shape=({PIXELS},))\ncode = keras.layers.Dense({HIDDEN}, activation=\"tanh\")(inputs)  # Glorot-uniform start, as on the page\noutputs = keras.layers.Dense({PIXELS}, activation=\"sigmoid\")(code)\nautoencoder = keras.Model(inputs, outputs)\nautoencoder.compile(optimizer=keras.optimizers.Adam(learning_rate={lr}), loss=\"mse\")  # Adam's ε = 1e-7\nprint(\"parameters:\", autoencoder.count_params())\n\n# The input is also the target: good parts only\nhistory = autoencoder.fit(x_normal, x_normal, epochs=1, batch_size={BATCH_SIZE}, shuffle=True, verbose=0)\nper_epoch = int(keras.ops.convert_to_numpy(autoencoder.optimizer.iterations))\nprint(\"minibatch steps per epoch:\", per_epoch)\nepochs = {epoch}  # where the page's run is now\nprint(\"Adam steps so far:\", epochs * per_epoch)\n\n# The same idea with convolutions, for real photos: the picture keeps its 2-D shape\nconv_in = keras.Input(shape=({SIDE}, {SIDE}, 1))\nh = keras.layers.Conv2D(8, 3, strides=2, padding=\"same\", activation=\"relu\")(conv_in)  # 6 × 6 × 8\nconv_code = keras.layers.Conv2D(4, 3, strides=2, padding=\"same\", activation=\"relu\")(h)  # 3 × 3 × 4\nh = keras.layers.Conv2DTranspose(8, 3, strides=2, padding=\"same\", activation=\"relu\")(conv_code)\nconv_out = keras.layers.Conv2DTranspose(1, 3, strides=2, padding=\"same\", activation=\"sigmoid\")(h)\nconv_autoencoder = keras.Model(conv_in, conv_out)  # train it as above, on x_normal.reshape(-1, {SIDE}, {SIDE}, 1)\nprint(\"convolutional variant, parameters:\", conv_autoencoder.count_params())\nprint(\"convolutional variant, code numbers:\", int(np.prod(conv_code.shape[1:])))\nprint(\"convolutional variant, rebuilt pixels:\", int(np.prod(conv_out.shape[1:])))\n"
        ),
        format!(
            "import numpy as np\nimport torch\nfrom torch import nn\n\ntorch.manual_seed(0)\n{STAND_IN}x_normal = torch.from_numpy(x_normal)\n\nautoencoder = nn.Sequential(nn.Linear({PIXELS}, {HIDDEN}), nn.Tanh(), nn.Linear({HIDDEN}, {PIXELS}), nn.Sigmoid())\nfor layer in autoencoder[0], autoencoder[2]:  # Keras' start: PyTorch's own is Kaiming-uniform\n    nn.init.xavier_uniform_(layer.weight)\n    nn.init.zeros_(layer.bias)\nprint(\"parameters:\", sum(p.numel() for p in autoencoder.parameters()))\nopt = torch.optim.Adam(autoencoder.parameters(), lr={lr}, eps=1e-7)  # Keras' ε (PyTorch's default is 1e-8)\n\nloader = torch.utils.data.DataLoader(x_normal, batch_size={BATCH_SIZE}, shuffle=True)\nper_epoch = 0\nfor epoch in range(1):\n    for x in loader:\n        loss = nn.functional.mse_loss(autoencoder(x), x)  # the input is also the target\n        opt.zero_grad()\n        loss.backward()\n        opt.step()\n        per_epoch += 1\nprint(\"minibatch steps per epoch:\", per_epoch)\nepochs = {epoch}  # where the page's run is now\nprint(\"Adam steps so far:\", epochs * per_epoch)\n\n# The same idea with convolutions, for real photos: the picture keeps its 2-D shape\nencoder = nn.Sequential(nn.Conv2d(1, 8, 3, stride=2, padding=1), nn.ReLU(), nn.Conv2d(8, 4, 3, stride=2, padding=1), nn.ReLU())\ndecoder = nn.Sequential(\n    nn.ConvTranspose2d(4, 8, 3, stride=2, padding=1, output_padding=1), nn.ReLU(),\n    nn.ConvTranspose2d(8, 1, 3, stride=2, padding=1, output_padding=1), nn.Sigmoid(),\n)\nconv_autoencoder = nn.Sequential(encoder, decoder)  # train it as above, on x_normal.reshape(-1, 1, {SIDE}, {SIDE})\nprint(\"convolutional variant, parameters:\", sum(p.numel() for p in conv_autoencoder.parameters()))\npicture = torch.zeros(1, 1, {SIDE}, {SIDE})\nprint(\"convolutional variant, code numbers:\", encoder(picture).numel())  # 4 × 3 × 3\nprint(\"convolutional variant, rebuilt pixels:\", conv_autoencoder(picture).numel())\n"
        ),
        prints,
    );
    vec![
        keras.with_note(note.clone()),
        pytorch.with_note(note.replace("epochs=1", "range(1)")),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_convolutional_variant_counts() {
        // 80 + 292 + 296 + 73 weights and biases; a 3 × 3 × 4 code for 12 × 12 pictures.
        assert_eq!(CONV_PARAMETERS, 741);
        assert_eq!(CONV_CODE, 36);
    }
}
