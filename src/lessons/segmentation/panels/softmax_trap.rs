//! Step 5's programs: one pixel's logit through the three heads, and the trap as a layer.

use crate::lessons::code::{py, Printed, Program};
use crate::math;

/// Step 5: one pixel's logit through the three heads, and the one-channel softmax as a
/// layer (PyTorch adds its gradient, exactly 0).
pub fn trap_programs(z: f64) -> Vec<Program> {
    let one = math::softmax(&[z])[0];
    let sig = math::sigmoid(z);
    let two = math::softmax(&[0.0, z])[1];
    let heads = vec![
        Printed::same("softmax over one channel", vec![one]),
        Printed::same("sigmoid", vec![sig]),
        Printed::same("two-channel softmax, object", vec![two]),
    ];
    let layer = Printed::same("layer output, lowest and highest", vec![1.0, 1.0]);
    let zs = py(z);
    let keras = format!(
        "import numpy as np\nimport keras\n\nz = np.array([{zs}], dtype=\"float32\")  # one pixel's logit\nprint(\"softmax over one channel:\", float(keras.ops.softmax(z)[0]))\nprint(\"sigmoid:\", float(keras.ops.sigmoid(z)[0]))\ntwo = np.array([0.0, {zs}], dtype=\"float32\")  # two channels: background 0, object z\nprint(\"two-channel softmax, object:\", float(keras.ops.softmax(two)[1]))\n\n# The trap as a layer: whatever the features, one channel with softmax outputs 1.\nfeatures = np.random.default_rng(0).normal(size=(1, 24, 24, 8)).astype(\"float32\")\nhead = keras.layers.Conv2D(1, 1, activation=\"softmax\")\nout = keras.ops.convert_to_numpy(head(features))\nprint(\"layer output, lowest and highest:\", [float(out.min()), float(out.max())])\n"
    );
    let torch = format!(
        "import torch\nfrom torch import nn\n\nz = torch.tensor([{zs}], requires_grad=True)  # one pixel's logit\np = torch.softmax(z, dim=0)  # softmax over one channel\nprint(\"softmax over one channel:\", p.item())\np.sum().backward()\nprint(\"its gradient:\", z.grad.item())  # e^z / e^z does not change with z\nprint(\"sigmoid:\", torch.sigmoid(z).item())\ntwo = torch.cat([torch.zeros(1), z.detach()])  # two channels: background 0, object z\nprint(\"two-channel softmax, object:\", torch.softmax(two, dim=0)[1].item())\n\n# The trap as a layer: one output channel, softmax over the channel axis (dim=1).\ntorch.manual_seed(0)\nfeatures = torch.randn(1, 8, 24, 24)\nout = torch.softmax(nn.Conv2d(8, 1, 1)(features), dim=1)\nprint(\"layer output, lowest and highest:\", [out.min().item(), out.max().item()])\n"
    );
    let mut torch_prints = vec![heads[0].clone(), Printed::same("its gradient", vec![0.0])];
    torch_prints.extend(heads[1..].iter().cloned());
    torch_prints.push(layer.clone());
    let mut keras_prints = heads;
    keras_prints.push(layer);
    vec![
        Program::keras(keras, keras_prints).with_note("Recent Keras 3 versions print a UserWarning about a softmax over an axis of size 1, then build the layer (and train the model) anyway."),
        Program::pytorch(torch, torch_prints).with_note("In a PyTorch model the same trap is nn.Conv2d(k, 1, 1) followed by torch.softmax(…, dim=1), or nn.CrossEntropyLoss on one channel: its loss is 0 and so is its gradient."),
    ]
}
